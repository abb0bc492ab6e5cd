package org.meridian.outcomes.rest.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.meridian.outcomes.rest.problem.ProblemDetail.FieldError;

/**
 * A query parameter holding U+0000 ({@code ?name=%00}) is a 400 naming the parameter: PostgreSQL cannot compare text
 * with it, so the query would otherwise fail with a 500. Bodies get the same rule from {@code StrictJson}.
 */
public class NulCharacterFilter {

    @ServerRequestFilter
    public Response refuseNulInQuery(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(value -> value != null && value.indexOf('\u0000') >= 0)) {
                String name = parameter.getKey();
                return ProblemMappers.problem(ProblemType.VALIDATION_ERROR, "1 field is invalid: " + name,
                        request.getUriInfo(), List.of(new FieldError(name, "must not contain the NUL character (U+0000)")));
            }
        }
        return null;
    }
}
