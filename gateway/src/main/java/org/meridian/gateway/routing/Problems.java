package org.meridian.gateway.routing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem documents for failures that happen in the gateway itself. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    /** The longest detail and instance the services' Problem schema allows (their ProblemDetail cuts at it too). */
    private static final int MAX_TEXT = 2000;

    /** A problem document; the texts that echo the request (the path) are cut at the schema's bounds. */
    public static Buffer body(int status, String slug, String title, String detail, String instance, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", "urn:meridian:problem:" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", cut(detail))
                .put("instance", cut(instance));
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** Ends the exchange with a problem document, or an OperationOutcome for FHIR clients. */
    public static void send(RoutingContext context, int status, String slug, String title, String detail) {
        if (context.request().path().startsWith("/fhir/")) {
            context.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", FHIR_MEDIA_TYPE)
                    .end(operationOutcome(status, detail));
            return;
        }
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body(
                        status,
                        slug,
                        title,
                        detail,
                        context.request().path(),
                        context.get(RequestIdHandler.CONTEXT_KEY)));
    }

    public static final String FHIR_MEDIA_TYPE = "application/fhir+json";

    /** A FHIR R4 OperationOutcome with one error issue, its code chosen from the FHIR issue-type value set. */
    public static Buffer operationOutcome(int status, String diagnostics) {
        String code = switch (status) {
            case 400 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 413 -> "too-costly";
            case 429 -> "throttled";
            case 502, 503 -> "transient";
            case 504 -> "timeout";
            default -> "processing";
        };
        return new JsonObject()
                .put("resourceType", "OperationOutcome")
                .put(
                        "issue",
                        new io.vertx.core.json.JsonArray()
                                .add(new JsonObject()
                                        .put("severity", "error")
                                        .put("code", code)
                                        .put("diagnostics", diagnostics)))
                .toBuffer();
    }
}
