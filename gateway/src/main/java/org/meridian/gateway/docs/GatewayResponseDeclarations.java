package org.meridian.gateway.docs;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.meridian.gateway.security.RateLimitHandler;

/**
 * What the gateway itself adds to every answer under {@code /api}, declared in the merged document so that clients and
 * their SDKs know it: the RateLimit fields on every 2xx and 4xx answer, the 429 every operation can get, and the CORS
 * field a browser from a configured origin gets. The services' own documents cannot say it: they never send these.
 */
final class GatewayResponseDeclarations {

    static final String RATE_LIMITED = "RateLimited";
    private static final String HEADER_REF_PREFIX = "#/components/headers/";
    private static final String ALLOW_ORIGIN_HEADER = "Access-Control-Allow-Origin";
    /** A bucket refills completely in one minute, so no wait the gateway announces is longer. */
    private static final int LONGEST_WAIT_SECONDS = 61;

    private static final List<String> DECLARED_ON_EVERY_ANSWER = List.of(
            RateLimitHandler.LIMIT_HEADER,
            RateLimitHandler.REMAINING_HEADER,
            RateLimitHandler.RESET_HEADER,
            ALLOW_ORIGIN_HEADER);

    private GatewayResponseDeclarations() {}

    /** Adds the declarations to every operation of {@code paths}, in place. */
    static void declareOn(JsonObject paths, List<String> operationMethods) {
        paths.forEach(path -> {
            if (!(path.getValue() instanceof JsonObject operations)) {
                return;
            }
            for (String method : operationMethods) {
                if (operations.getValue(method) instanceof JsonObject operation) {
                    declareOnOperation(operation);
                }
            }
        });
    }

    private static void declareOnOperation(JsonObject operation) {
        JsonObject responses = operation.getJsonObject("responses");
        if (responses == null) {
            responses = new JsonObject();
            operation.put("responses", responses);
        }
        if (!responses.containsKey("429")) {
            responses.put("429", new JsonObject().put("$ref", "#/components/responses/" + RATE_LIMITED));
        }
        responses.forEach(response -> {
            if ((response.getKey().startsWith("2") || response.getKey().startsWith("4"))
                    && response.getValue() instanceof JsonObject answer
                    && !answer.containsKey("$ref")) {
                JsonObject headers = answer.getJsonObject("headers");
                if (headers == null) {
                    headers = new JsonObject();
                    answer.put("headers", headers);
                }
                for (String header : DECLARED_ON_EVERY_ANSWER) {
                    headers.put(header, new JsonObject().put("$ref", HEADER_REF_PREFIX + header));
                }
            }
        });
    }

    /** The header definitions the declarations refer to, for {@code components.headers}. */
    static JsonObject headers() {
        return new JsonObject()
                .put(
                        RateLimitHandler.LIMIT_HEADER,
                        integerHeader(
                                "Requests allowed per minute to the caller: the signed-in user, else the client (the"
                                        + " token's azp, or the caller's address when it sent no valid token). Sent"
                                        + " by the gateway (draft-ietf-httpapi-ratelimit-headers).",
                                1,
                                Integer.MAX_VALUE))
                .put(
                        RateLimitHandler.REMAINING_HEADER,
                        integerHeader(
                                "Requests the caller may still make now; the budget refills continuously.",
                                0,
                                Integer.MAX_VALUE))
                .put(
                        RateLimitHandler.RESET_HEADER,
                        integerHeader("Seconds until the caller's whole budget is available again.", 0, 60))
                .put(
                        "Retry-After",
                        integerHeader("Seconds to wait before the next call.", 1, LONGEST_WAIT_SECONDS)
                                .put("required", true))
                .put(
                        ALLOW_ORIGIN_HEADER,
                        new JsonObject()
                                .put(
                                        "description",
                                        "Sent only to a browser calling from one of the origins the operator allows"
                                                + " (MERIDIAN_CORS_ORIGINS); other cross-origin reads are refused.")
                                .put("required", false)
                                .put(
                                        "schema",
                                        new JsonObject()
                                                .put("type", "string")
                                                .put("format", "uri")
                                                .put("maxLength", 2048)));
    }

    /** The 429 answer, for {@code components.responses}. */
    static JsonObject responses() {
        JsonObject headers = new JsonObject();
        for (String header : DECLARED_ON_EVERY_ANSWER) {
            headers.put(header, new JsonObject().put("$ref", HEADER_REF_PREFIX + header));
        }
        headers.put("Retry-After", new JsonObject().put("$ref", HEADER_REF_PREFIX + "Retry-After"));
        return new JsonObject()
                .put(
                        RATE_LIMITED,
                        new JsonObject()
                                .put(
                                        "description",
                                        "Too many requests from this user or client: wait Retry-After seconds"
                                                + " (problem type rate-limited)")
                                .put("headers", headers)
                                .put(
                                        "content",
                                        new JsonObject()
                                                .put(
                                                        "application/problem+json",
                                                        new JsonObject()
                                                                .put(
                                                                        "schema",
                                                                        new JsonObject()
                                                                                .put(
                                                                                        "$ref",
                                                                                        "#/components/schemas/Problem")))));
    }

    private static JsonObject integerHeader(String description, int minimum, int maximum) {
        return new JsonObject()
                .put("description", description)
                .put("required", true)
                .put(
                        "schema",
                        new JsonObject()
                                .put("type", "integer")
                                .put("format", "int32")
                                .put("minimum", minimum)
                                .put("maximum", maximum));
    }
}
