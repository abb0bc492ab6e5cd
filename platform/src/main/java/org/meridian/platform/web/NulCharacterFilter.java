package org.meridian.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.meridian.platform.web.problem.CommonProblem;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.ProblemDetail.FieldError;
import org.meridian.platform.web.problem.ProblemMappers;

/**
 * A path or query parameter holding U+0000 ({@code /patients/%00}, {@code ?name=%00}) is a 400 naming the parameter:
 * PostgreSQL cannot store or compare text holding it, so the request would otherwise fail with a 500 (or, for an id,
 * pass for a missing object). Both arrive percent-decoded. Bodies get the same rule from {@code StrictJson}, FHIR
 * bodies from {@code FhirJson}; on /fhir paths the problem becomes an OperationOutcome (FhirProblemTranslation).
 */
public class NulCharacterFilter {

    private static final String MESSAGE = "must not contain the NUL character (U+0000)";

    @ServerRequestFilter
    public Response refuseNul(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        return withNul(uri.getPathParameters())
                .or(() -> withNul(uri.getQueryParameters()))
                .map(name -> ProblemMappers.problem(
                        CommonProblem.VALIDATION_ERROR,
                        "1 field is invalid: " + name,
                        uri,
                        List.of(new FieldError(name, ErrorCode.INVALID_CHARACTER, MESSAGE))))
                .orElse(null);
    }

    private static Optional<String> withNul(MultivaluedMap<String, String> parameters) {
        return parameters.entrySet().stream()
                .filter(parameter ->
                        parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\u0000') >= 0))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
