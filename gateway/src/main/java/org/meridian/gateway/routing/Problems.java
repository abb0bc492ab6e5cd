package org.meridian.gateway.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem documents for failures that happen in the gateway itself. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Buffer body(int status, String slug, String title, String detail, String instance, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", "urn:meridian:problem:" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }

    /** Ends the exchange with a problem document. */
    public static void send(RoutingContext context, int status, String slug, String title, String detail) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body(status, slug, title, detail, context.request().path(), context.get(RequestIdHandler.CONTEXT_KEY)));
    }
}
