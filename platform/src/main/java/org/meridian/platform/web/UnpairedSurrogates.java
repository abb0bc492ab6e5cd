package org.meridian.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds text in a JSON document that holds half of a UTF-16 surrogate pair ({@code "\ud800"}). Java strings can hold
 * one, but UTF-8 cannot: PostgreSQL would store a '?' in its place, so the value read back would not be the one sent.
 */
public final class UnpairedSurrogates {

    /** Member names as read, not interned through the symbol table (which cannot hold an unpaired surrogate). */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    private UnpairedSurrogates() {}

    /**
     * The JSON path of the first string holding an unpaired surrogate ({@code identifier[0].value}), or of the object
     * with such a member name; empty if there is none, or if the document is not well-formed JSON (its reader reports
     * that).
     */
    public static Optional<String> find(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING && hasUnpaired(parser.getText())) {
                    return Optional.of(path(parser.getParsingContext().pathAsPointer()));
                }
                if (token == JsonToken.FIELD_NAME && hasUnpaired(parser.currentName())) {
                    return Optional.of(
                            path(parser.getParsingContext().getParent().pathAsPointer()));
                }
            }
        } catch (IOException notJson) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static boolean hasUnpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** /identifier/0/value as identifier[0].value, the form the other problem documents use. */
    private static String path(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer step = pointer; step != null && !step.matches(); step = step.tail()) {
            if (step.getMatchingIndex() >= 0) {
                path.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(step.getMatchingProperty());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
