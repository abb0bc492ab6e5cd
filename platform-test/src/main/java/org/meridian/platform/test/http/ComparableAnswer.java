package org.meridian.platform.test.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.Map;

/**
 * An HTTP answer reduced to what tells two answers apart for the caller: status, media type and body, with the ids
 * the two requests differ in replaced by the same placeholder and the fields that differ on every call (a problem's
 * requestId, a Bundle's id and meta) left out.
 */
public record ComparableAnswer(int status, String mediaType, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param placeholders id -> the placeholder it becomes */
    public static ComparableAnswer of(Response response, Map<String, String> placeholders) {
        String text = response.asString();
        for (Map.Entry<String, String> id : placeholders.entrySet()) {
            text = text.replace(id.getKey(), id.getValue());
        }
        String contentType = response.getContentType();
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        return new ComparableAnswer(response.statusCode(), mediaType, withoutVolatileFields(text));
    }

    private static String withoutVolatileFields(String text) {
        if (text.isBlank()) {
            return text;
        }
        try {
            JsonNode json = JSON.readTree(text);
            if (json instanceof ObjectNode object) {
                object.remove("requestId");
                if ("Bundle".equals(object.path("resourceType").asText())) {
                    object.remove("id");
                    object.remove("meta");
                }
            }
            return json.toPrettyString();
        } catch (IOException notJson) {
            return text;
        }
    }
}
