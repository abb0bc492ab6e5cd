package org.meridian.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ProblemKind;

/**
 * A request body without a Content-Type is a 415: it would otherwise be read as whatever the operation consumes
 * (JSON), so a client that forgot the header, or sent something else, would get an answer about fields instead.
 */
public class ContentTypeRequired {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Response refuseBodyWithoutContentType(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null
                || !hasBody(request)) {
            return null;
        }
        String path = request.getUriInfo().getPath();
        String expected = path.startsWith("/fhir/") ? "application/fhir+json" : "application/json";
        ProblemDetail body = new ProblemDetail(
                ProblemKind.uriForStatus(415),
                ProblemKind.titleForStatus(415),
                415,
                "The request body has no Content-Type; send it as " + expected,
                path,
                RequestIds.current(),
                null);
        return Response.status(415).type(ProblemDetail.MEDIA_TYPE).entity(body).build();
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.trim().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
    }
}
