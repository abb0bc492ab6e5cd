package org.meridian.platform.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.meridian.platform.web.ConcurrentWrite;
import org.meridian.platform.web.DatabaseOutage;
import org.meridian.platform.web.RequestIds;
import org.meridian.platform.web.UnpairedSurrogateException;
import org.meridian.platform.web.problem.ProblemDetail.FieldError;

/** Turns every failure into application/problem+json; never a stack trace, never a 500 for bad input. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException exception, UriInfo uriInfo) {
        List<FieldProblem> problems = exception.getConstraintViolations().stream()
                .map(violation ->
                        new FieldProblem(fieldOf(violation), ConstraintCodes.of(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return problem(
                CommonProblem.VALIDATION_ERROR,
                InvalidRequestException.describe(problems),
                uriInfo,
                problems.stream().map(FieldError::of).toList());
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException exception, UriInfo uriInfo) {
        return malformed(exception, uriInfo);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException exception, UriInfo uriInfo) {
        return malformed(exception, uriInfo);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException exception, UriInfo uriInfo) {
        return challenge(problem(
                CommonProblem.UNAUTHENTICATED,
                "This API needs a valid access token: send 'Authorization: Bearer <JWT>'",
                uriInfo,
                null));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, UriInfo uriInfo) {
        return challenge(problem(
                CommonProblem.UNAUTHENTICATED,
                "The access token is invalid, expired, or not meant for this API",
                uriInfo,
                null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uriInfo) {
        return problem(CommonProblem.FORBIDDEN, "Your role may not perform this operation", uriInfo, null);
    }

    private static Response challenge(Response response) {
        return Response.fromResponse(response)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    /** Every typed failure of the services: not found, conflict, precondition failed or required, ... */
    @ServerExceptionMapper
    public Response problem(ProblemException exception, UriInfo uriInfo) {
        List<FieldError> errors = exception.problems().isEmpty()
                ? null
                : exception.problems().stream().map(FieldError::of).toList();
        return problem(exception.kind(), exception.getMessage(), uriInfo, errors);
    }

    @ServerExceptionMapper
    public Response payloadTooLarge(PayloadTooLargeException exception, UriInfo uriInfo) {
        return Response.fromResponse(problem(CommonProblem.PAYLOAD_TOO_LARGE, exception.getMessage(), uriInfo, null))
                .header("Connection", "close")
                .build();
    }

    @ServerExceptionMapper
    public Response unpairedSurrogate(UnpairedSurrogateException exception, UriInfo uriInfo) {
        return problem(
                CommonProblem.VALIDATION_ERROR,
                "1 field is invalid: " + exception.field(),
                uriInfo,
                List.of(new FieldError(
                        exception.field(), ErrorCode.INVALID_CHARACTER, UnpairedSurrogateException.MESSAGE)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException exception, UriInfo uriInfo) {
        if (exception.getCause() instanceof JsonProcessingException unreadable) {
            return malformed(unreadable, uriInfo);
        }
        if (exception instanceof NotFoundException
                && exception.getCause() instanceof RuntimeException malformed
                && !(malformed instanceof WebApplicationException)
                && !aboutPathParameter(malformed, uriInfo)) {
            // JAX-RS answers 404 when a query parameter cannot be converted (page=abc, a number beyond int32, from=
            // yesterday): that is bad input, not a missing resource. A malformed id in the path stays a 404.
            List<FieldError> errors = malformedQueryParameter(malformed, uriInfo)
                    .map(name -> List.of(
                            new FieldError(name, ErrorCode.INVALID_FORMAT, "cannot be read as the parameter's type")))
                    .orElse(null);
            return problem(
                    CommonProblem.VALIDATION_ERROR,
                    "A query or path parameter is malformed: " + malformed.getMessage(),
                    uriInfo,
                    errors);
        }
        int status = exception.getResponse().getStatus();
        if (status >= 500) {
            Log.error("Request failed", exception);
        }
        ProblemDetail body = new ProblemDetail(
                ProblemKind.uriForStatus(status),
                ProblemKind.titleForStatus(status),
                status,
                status >= 500 ? "The service could not complete the request" : exception.getMessage(),
                uriInfo.getPath(),
                RequestIds.current(),
                null);
        Response.ResponseBuilder builder =
                Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(body);
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /**
     * The query parameter a conversion failure is about, when exactly one parameter's value is quoted in its message
     * (NumberFormatException: For input string: "abc"; DateTimeParseException: Text 'yesterday' could not be...).
     */
    private static Optional<String> malformedQueryParameter(RuntimeException malformed, UriInfo uriInfo) {
        String message = String.valueOf(malformed.getMessage());
        List<String> named = uriInfo.getQueryParameters().entrySet().stream()
                .filter(parameter -> parameter.getValue().stream()
                        .anyMatch(value -> !value.isEmpty()
                                && (message.contains("\"" + value + "\"") || message.contains("'" + value + "'"))))
                .map(Map.Entry::getKey)
                .toList();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    private static boolean aboutPathParameter(RuntimeException malformed, UriInfo uriInfo) {
        String message = String.valueOf(malformed.getMessage());
        return uriInfo.getPathParameters().values().stream()
                .flatMap(List::stream)
                .anyMatch(value -> !value.isEmpty() && message.contains(value));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable exception, UriInfo uriInfo) {
        if (DatabaseOutage.causedBy(exception)) {
            Log.warnf("Database unavailable: %s", exception.getMessage());
            return Response.fromResponse(problem(
                            CommonProblem.DATABASE_UNAVAILABLE,
                            "The database is unavailable; nothing was stored. Retry shortly (with the same Idempotency-Key for submissions)",
                            uriInfo,
                            null))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .build();
        }
        // Races the services' own checks cannot see: two writers of one object, or of one unique value.
        Optional<ConcurrentWrite> race = ConcurrentWrite.causing(exception);
        if (race.isPresent()) {
            Log.info("Concurrent write refused by the database", exception);
            return problem(
                    CommonProblem.CONFLICT,
                    race.get() == ConcurrentWrite.SAME_OBJECT
                            ? "Someone else changed this object at the same time; read it again and reapply your change"
                            : "A concurrent request created the same object or value; read the current state and retry"
                                    + " if still needed",
                    uriInfo,
                    null);
        }
        Log.error("Unexpected failure", exception);
        return problem(
                CommonProblem.INTERNAL_ERROR,
                "The service could not complete the request; quote the request id when reporting it",
                uriInfo,
                null);
    }

    private Response malformed(JsonProcessingException exception, UriInfo uriInfo) {
        String field = exception instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        List<FieldError> errors = field.isEmpty()
                ? null
                : List.of(new FieldError(field, codeOf(exception), "has the wrong type or format"));
        String detail = field.isEmpty()
                ? "The request body is not valid JSON"
                : "Field '" + field + "' has the wrong type or format";
        return problem(CommonProblem.MALFORMED_REQUEST, detail, uriInfo, errors);
    }

    /**
     * A JSON value of the wrong type is {@code wrong_type} (a number for a string, {@code "3"} for a number, whether
     * Jackson or StrictJson's coercion rules refuse it); text that does not parse as the field's type is
     * {@code invalid_format} (a date, a UUID), or {@code not_an_option} for an enum.
     */
    static ErrorCode codeOf(JsonProcessingException exception) {
        if (exception instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (!(invalid.getValue() instanceof String text) || target == null) {
                return ErrorCode.WRONG_TYPE;
            }
            if (text.indexOf('\u0000') >= 0) {
                return ErrorCode.INVALID_CHARACTER;
            }
            if (target.isEnum()) {
                return ErrorCode.NOT_AN_OPTION;
            }
            boolean numberOrBoolean =
                    target.isPrimitive() || Number.class.isAssignableFrom(target) || target == Boolean.class;
            return numberOrBoolean ? ErrorCode.WRONG_TYPE : ErrorCode.INVALID_FORMAT;
        }
        if (exception instanceof MismatchedInputException) {
            return ErrorCode.WRONG_TYPE;
        }
        return ErrorCode.MALFORMED;
    }

    public static Response problem(ProblemKind type, String detail, UriInfo uriInfo, List<FieldError> errors) {
        ProblemDetail body = new ProblemDetail(
                type.uri(), type.title(), type.status(), detail, uriInfo.getPath(), RequestIds.current(), errors);
        return Response.status(type.status())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    /** The field as the client named it: the body's JSON path, or the query/path parameter's name. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameterName = null;
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameterName = httpName(violation, method, node.as(Path.ParameterNode.class))
                        .orElse(node.getName());
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null) {
                names.add(name);
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameterName != null && !parameterName.equals("request") ? parameterName : "body";
    }

    /**
     * The name a query, path or header parameter has in the request (and in the OpenAPI document), e.g. If-Match for
     * the Java parameter ifMatch; empty for the body or when the resource method cannot be found.
     */
    private static Optional<String> httpName(
            ConstraintViolation<?> violation, Path.MethodNode method, Path.ParameterNode parameter) {
        if (method == null || violation.getRootBeanClass() == null) {
            return Optional.empty();
        }
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                Annotation[] annotations = type.getDeclaredMethod(method.getName(), types)
                        .getParameterAnnotations()[parameter.getParameterIndex()];
                for (Annotation annotation : annotations) {
                    switch (annotation) {
                        case QueryParam query -> {
                            return Optional.of(query.value());
                        }
                        case PathParam path -> {
                            return Optional.of(path.value());
                        }
                        case HeaderParam header -> {
                            return Optional.of(header.value());
                        }
                        default -> {}
                    }
                }
            } catch (NoSuchMethodException e) {
                // declared further up, or a generated subclass without the parameter annotations: keep looking
            }
        }
        return Optional.empty();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder result = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!result.isEmpty()) {
                    result.append('.');
                }
                result.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                result.append('[').append(reference.getIndex()).append(']');
            }
        }
        return result.toString();
    }
}
