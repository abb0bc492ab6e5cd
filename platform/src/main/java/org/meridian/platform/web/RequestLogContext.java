package org.meridian.platform.web;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every log line of a request says besides the request and trace ids (docs/observability.md#logs): the clinic of
 * the path, and one access line per request with its route template, status and duration. The clinic id is an
 * organisation's id, never a patient's; paths and query strings, which hold pseudonyms, are not logged here.
 */
public class RequestLogContext {

    public static final String CLINIC_ID_KEY = "clinicId";
    /** Read by Quarkus's metrics from the request's context once the REST layer matched a resource method. */
    private static final String TEMPLATE_KEY = "UrlPathTemplate";

    private static final String STARTED_KEY = RequestLogContext.class.getName() + ".started";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @ServerRequestFilter(preMatching = true)
    public void started(ContainerRequestContext request) {
        request.setProperty(STARTED_KEY, System.nanoTime());
    }

    @ServerRequestFilter
    public void clinic(ContainerRequestContext request) {
        String clinicId = request.getUriInfo().getPathParameters().getFirst(CLINIC_ID_KEY);
        if (clinicId != null && UUID_TEXT.matcher(clinicId).matches()) {
            MDC.put(CLINIC_ID_KEY, clinicId);
        }
    }

    @ServerResponseFilter
    public void access(ContainerRequestContext request, ContainerResponseContext response, HttpServerRequest http) {
        Object started = request.getProperty(STARTED_KEY);
        long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        Object template = http instanceof HttpServerRequestInternal internal
                ? internal.context().getLocal(TEMPLATE_KEY)
                : null;
        Log.infof(
                "%s %s %d %d ms",
                request.getMethod(), template != null ? template : "(no route)", response.getStatus(), millis);
    }
}
