package org.meridian.gateway.security;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import org.meridian.gateway.routing.Problems;

/** Security headers on every answer, no caching of clinical data, and a cap on request body size. */
public final class ResponseHardeningHandler implements Handler<RoutingContext> {

    private final long maxBodyBytes;

    public ResponseHardeningHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            if (!headers.contains("Cache-Control")) {
                headers.set("Cache-Control", "no-store");
            }
        });
        String length = context.request().getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            Problems.send(
                    context,
                    413,
                    "payload-too-large",
                    "Payload Too Large",
                    "Request bodies are limited to " + maxBodyBytes + " bytes");
            return;
        }
        context.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
