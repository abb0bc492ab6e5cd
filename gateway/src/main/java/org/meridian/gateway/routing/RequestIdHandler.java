package org.meridian.gateway.routing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an X-Request-Id (keeping a well-formed one from the caller) and returns it on the response. The
 * id, the trace and the clinic of the path go into the request's log context, and one access line is logged when the
 * response is sent: method, route template (never the raw path, which holds pseudonyms), status and duration.
 */
final class RequestIdHandler implements Handler<RoutingContext> {

    static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "requestId";
    static final String CLINIC_ID_KEY = "clinicId";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern CLINIC_IN_PATH = Pattern.compile(
            "/clinics/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/|$)");

    @Override
    public void handle(RoutingContext context) {
        String incoming = context.request().getHeader(HEADER);
        String id = incoming != null && SAFE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        context.request().headers().set(HEADER, id);
        context.put(CONTEXT_KEY, id);
        MDC.put(CONTEXT_KEY, id);
        Matcher clinic = CLINIC_IN_PATH.matcher(context.request().path());
        String clinicId = clinic.find() ? clinic.group(1) : null;
        if (clinicId != null) {
            MDC.put(CLINIC_ID_KEY, clinicId);
        }
        SpanContext trace = Span.current().getSpanContext();
        long started = System.nanoTime();
        context.addHeadersEndHandler(ignored -> context.response().headers().set(HEADER, id));
        context.addBodyEndHandler(ignored -> logAccess(context, id, clinicId, trace, started));
        context.next();
    }

    /** The server span may have ended and the log context been cleared by now: both are put back for this line. */
    private static void logAccess(RoutingContext context, String id, String clinicId, SpanContext trace, long started) {
        MDC.put(CONTEXT_KEY, id);
        if (clinicId != null) {
            MDC.put(CLINIC_ID_KEY, clinicId);
        }
        if (trace.isValid()) {
            MDC.put("traceId", trace.getTraceId());
            MDC.put("spanId", trace.getSpanId());
        }
        Object template =
                ((HttpServerRequestInternal) context.request()).context().getLocal(MetricsUriLabels.TEMPLATE_KEY);
        Log.infof(
                "%s %s %d %d ms",
                context.request().method(),
                template != null ? template : "(no route)",
                context.response().getStatusCode(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
