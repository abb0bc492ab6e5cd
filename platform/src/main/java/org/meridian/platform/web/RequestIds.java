package org.meridian.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Carries the gateway's X-Request-Id (or a new one) through logs and back to the caller,
 * so one id ties a client's report to every log line it caused.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String MDC_KEY = "requestId";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = accept(request.getHeaderString(HEADER));
        MDC.put(MDC_KEY, id);
        request.setProperty(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The caller's id if it is well-formed, else a new one. */
    public static String accept(String incoming) {
        return incoming != null && SAFE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id != null ? id.toString() : null;
    }
}
