package org.meridian.platform.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.meridian.platform.web.ConcurrentWrite;
import org.meridian.platform.web.DatabaseOutage;
import org.meridian.platform.web.RequestIds;
import org.meridian.platform.web.problem.ProblemException;

/**
 * Failures on /fhir paths as OperationOutcome instead of problem+json. Each FHIR resource class routes its own
 * exceptions here through a class-local exception mapper, so the /api mappers stay as they are.
 */
public final class FhirErrors {

    private FhirErrors() {}

    public static Response toResponse(Throwable failure) {
        return switch (failure) {
            case BaseServerResponseException fhir -> fhirFailure(fhir);
            case UnauthorizedException ignored ->
                challenge(401, "This API needs a valid access token: send 'Authorization: Bearer <JWT>'");
            case AuthenticationFailedException ignored ->
                challenge(401, "The access token is invalid, expired, or not meant for this API");
            case ForbiddenException ignored ->
                outcome(403, OperationOutcomes.forStatus(403, "Your role may not perform this operation"));
            case ProblemException problem -> problem(problem);
            case ConstraintViolationException invalid ->
                outcome(
                        400,
                        OperationOutcomes.of(invalid.getConstraintViolations().stream()
                                .map(violation -> FhirIssue.of(
                                        IssueType.INVALID, violation.getPropertyPath() + " " + violation.getMessage()))
                                .toList()));
            case WebApplicationException http -> fromStatus(http);
            default -> unexpected(failure);
        };
    }

    private static Response fhirFailure(BaseServerResponseException fhir) {
        int status = fhir.getStatusCode();
        if (status == 503) {
            return Response.fromResponse(outcome(503, FhirFailures.outcome(fhir)))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (status >= 500) {
            // HAPI's own internal failures: logged, and the caller gets the request id rather than HAPI's text.
            Log.error("FHIR request failed", fhir);
            return outcome(
                    status,
                    OperationOutcomes.forStatus(
                            status,
                            "The service could not complete the request; quote request id " + RequestIds.current()
                                    + " when reporting it"));
        }
        return outcome(status, FhirFailures.outcome(fhir));
    }

    /** The typed failures of the services; fields at fault become one issue each, named as the native API names them. */
    private static Response problem(ProblemException problem) {
        int status = problem.kind().status();
        if (problem.problems().isEmpty()) {
            return outcome(status, OperationOutcomes.forStatus(status, problem.getMessage()));
        }
        IssueType type = OperationOutcomes.issueType(status);
        return outcome(
                status,
                OperationOutcomes.of(problem.problems().stream()
                        .map(field -> new FhirIssue(type, field.field() + " " + field.message(), null))
                        .toList()));
    }

    private static Response unexpected(Throwable failure) {
        if (DatabaseOutage.causedBy(failure)) {
            Log.warnf("Database unavailable: %s", failure.getMessage());
            return Response.fromResponse(outcome(
                            503,
                            OperationOutcomes.forStatus(
                                    503, "The database is unavailable; nothing was stored. Retry shortly")))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
                    .build();
        }
        if (ConcurrentWrite.causing(failure).isPresent()) {
            Log.info("Concurrent FHIR write refused by the database", failure);
            return outcome(
                    409,
                    OperationOutcomes.forStatus(
                            409,
                            "A concurrent request created the same object or"
                                    + " value; read the current state and retry if still needed"));
        }
        Log.error("Unexpected failure on a FHIR request", failure);
        return outcome(
                500,
                OperationOutcomes.forStatus(
                        500,
                        "The service could not complete the request;" + " quote request id " + RequestIds.current()
                                + " when reporting it"));
    }

    private static Response fromStatus(WebApplicationException http) {
        int status = http.getResponse().getStatus();
        if (status >= 500) {
            Log.error("FHIR request failed", http);
            return outcome(status, OperationOutcomes.forStatus(status, "The service could not complete the request"));
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(FhirJson.MEDIA_TYPE)
                .entity(FhirJson.encode(OperationOutcomes.forStatus(status, http.getMessage())));
        http.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static Response challenge(int status, String diagnostics) {
        return Response.fromResponse(outcome(status, OperationOutcomes.forStatus(status, diagnostics)))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    public static Response outcome(int status, OperationOutcome outcome) {
        return Response.status(status)
                .type(FhirJson.MEDIA_TYPE)
                .entity(FhirJson.encode(outcome))
                .build();
    }
}
