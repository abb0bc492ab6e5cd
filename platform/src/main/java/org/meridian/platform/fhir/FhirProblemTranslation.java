package org.meridian.platform.fhir;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.meridian.platform.web.problem.ProblemDetail;

/**
 * Failures that happen before a FHIR resource method is chosen (405 wrong method, 406/415 media types, 404 for a
 * resource type outcomes does not serve) are answered by the service-wide problem+json mappers. On /fhir paths they
 * are turned into the OperationOutcome a FHIR client expects, keeping the status and the explanation.
 */
public class FhirProblemTranslation {

    private static final String PREFIX = "/fhir/";

    @ServerResponseFilter
    public void translate(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith(PREFIX)
                || !(response.getEntity() instanceof ProblemDetail problem)) {
            return;
        }
        response.setEntity(FhirJson.encode(OperationOutcomes.forStatus(
                response.getStatus(), problem.detail() == null ? problem.title() : problem.detail())));
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, FhirJson.MEDIA_TYPE);
    }
}
