package org.meridian.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Enforces the request body limit on the bytes that stream through, whatever the caller declared: a body with a
 * Content-Length over the limit never gets here (ResponseHardeningHandler), a chunked one is cut off and answered 413
 * as soon as it passes the limit, and the upstream request is aborted so nothing of it is stored.
 */
final class BodyLimitInterceptor implements ProxyInterceptor {

    private static final String BODY_KEY = "meridian.limitedBody";

    private final long maxBodyBytes;
    private final Vertx vertx;

    BodyLimitInterceptor(long maxBodyBytes, Vertx vertx) {
        this.maxBodyBytes = maxBodyBytes;
        this.vertx = vertx;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body == null) {
            return context.sendRequest();
        }
        LimitedBody limited = new LimitedBody(request.proxiedRequest(), maxBodyBytes, vertx);
        request.setBody(Body.body(limited, body.length()));
        context.set(BODY_KEY, limited);
        return context.sendRequest().transform(sent -> {
            if (!limited.overflowed()) {
                return sent.succeeded() ? Future.succeededFuture(sent.result()) : Future.failedFuture(sent.cause());
            }
            if (sent.succeeded()) {
                sent.result().release();
            }
            return Future.succeededFuture(tooLarge(request));
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        LimitedBody limited = context.get(BODY_KEY, LimitedBody.class);
        if (limited != null && limited.overflowed()) {
            sent.onComplete(ignored -> limited.answered());
        }
        return sent;
    }

    private ProxyResponse tooLarge(ProxyRequest request) {
        String path = request.proxiedRequest().path();
        String detail = "Request bodies are limited to " + maxBodyBytes + " bytes";
        boolean fhir = path.startsWith("/fhir/");
        return request.response()
                .setStatusCode(413)
                .putHeader("Content-Type", fhir ? Problems.FHIR_MEDIA_TYPE : Problems.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .setBody(Body.body(
                        fhir
                                ? Problems.operationOutcome(413, detail)
                                : Problems.body(
                                        413,
                                        "payload-too-large",
                                        "Payload Too Large",
                                        detail,
                                        path,
                                        request.headers().get(RequestIdHandler.HEADER))));
    }
}
