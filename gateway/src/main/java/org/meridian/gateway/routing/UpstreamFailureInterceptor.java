package org.meridian.gateway.routing;

import io.netty.channel.ConnectTimeoutException;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Sets the forwarding headers (and leaves the trace context to the tracing) on the way in, and turns an unreachable or silent upstream into
 * a 502 or 504 problem document instead of the proxy's bare status line.
 */
final class UpstreamFailureInterceptor implements ProxyInterceptor {

    private final Upstream upstream;

    UpstreamFailureInterceptor(Upstream upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        setForwardingHeaders(request);
        dropCallersTraceContext(request);
        return context.sendRequest().recover(failure -> Future.succeededFuture(problemFor(request, failure)));
    }

    /**
     * The services trust these headers from the gateway (the audit trail's remote address, public Location URLs), so
     * whatever a caller sent under those names is dropped and only what the gateway saw is passed on. The gateway is
     * the public edge: a caller's X-Forwarded-For is not evidence of anything.
     */
    static void setForwardingHeaders(ProxyRequest request) {
        HttpServerRequest incoming = request.proxiedRequest();
        MultiMap headers = request.headers();
        for (String name : List.copyOf(headers.names())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip")) {
                headers.remove(name);
            }
        }
        headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        if (incoming.remoteAddress() != null) {
            headers.set("X-Forwarded-For", incoming.remoteAddress().hostAddress());
        }
    }

    /**
     * The caller's trace context reaches the gateway's server span (which continues the trace); upstream, the parent is
     * the gateway's own client span, whose traceparent Vert.x's tracing sets when the request is sent. Copied as it
     * came, the caller's header would make the service skip the gateway in the trace.
     */
    static void dropCallersTraceContext(ProxyRequest request) {
        request.headers().remove("traceparent");
        request.headers().remove("tracestate");
    }

    private ProxyResponse problemFor(ProxyRequest request, Throwable failure) {
        boolean timedOut = failure instanceof TimeoutException || failure instanceof ConnectTimeoutException;
        int status = timedOut ? 504 : 502;
        String requestId = request.headers().get(RequestIdHandler.HEADER);
        Log.warnf(
                "Upstream %s failed for %s %s (request %s): %s",
                upstream.name(), request.getMethod(), request.getURI(), requestId, failure.toString());
        String detail = timedOut
                ? "The " + upstream.name()
                        + " service did not answer in time; the request may or may not have been applied. Retry with the same Idempotency-Key."
                : "The " + upstream.name() + " service is unavailable; retry later.";
        String path = request.proxiedRequest().path();
        boolean fhir = path.startsWith("/fhir/");
        return request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", fhir ? Problems.FHIR_MEDIA_TYPE : Problems.MEDIA_TYPE)
                .putHeader("Retry-After", "5")
                .setBody(Body.body(
                        fhir
                                ? Problems.operationOutcome(status, detail)
                                : Problems.body(
                                        status,
                                        timedOut ? "upstream-timeout" : "upstream-unavailable",
                                        timedOut ? "Gateway Timeout" : "Bad Gateway",
                                        detail,
                                        path,
                                        requestId)));
    }
}
