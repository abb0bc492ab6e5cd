package org.meridian.intake.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.meridian.platform.web.RequestIds;
import org.meridian.platform.web.problem.ProblemDetail;

/**
 * Internal endpoints (/internal/**, never routed by the gateway) answer only to other services presenting the
 * shared service credential in {@code X-Service-Token}; a user's token is not accepted there.
 */
public class ServiceTokenFilter {

    public static final String HEADER = "X-Service-Token";

    @ConfigProperty(name = "meridian.internal-token")
    String internalToken;

    @ServerRequestFilter(preMatching = true)
    public Response requireServiceToken(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/internal/")) {
            return null;
        }
        String presented = request.getHeaderString(HEADER);
        if (presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8), internalToken.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return Response.status(401)
                .type(ProblemDetail.MEDIA_TYPE)
                .header("WWW-Authenticate", "Service-Token")
                .entity(new ProblemDetail(
                        "urn:meridian:problem:unauthenticated",
                        "Unauthorized",
                        401,
                        "Internal endpoints need the service credential in " + HEADER,
                        request.getUriInfo().getPath(),
                        RequestIds.current(),
                        null))
                .build();
    }
}
