package org.meridian.gateway.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem documents for failures that happen in the gateway itself. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Buffer body(int status, String slug, String title, String detail, String instance, String requestId) {
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
}
