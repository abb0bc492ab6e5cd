package org.meridian.outcomes.research.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where an export resumes: after the assessment received at {@code receivedAt} with id {@code id} (the export's
 * order). Given to clients as an opaque token; {@code since} also accepts a plain ISO 8601 instant (everything
 * received at or after it).
 */
public record ExportCursor(Instant receivedAt, UUID id) {

    private static final String PREFIX = "c1.";

    /**
     * The longest {@code since} an export takes: a cursor ({@link #token()}: the prefix and the base64 of an instant and
     * a UUID, under 120 characters) or an ISO 8601 date-time.
     */
    public static final int MAX_SINCE = 200;
    /** Below every UUID in PostgreSQL's order, so that an instant cursor includes rows received at that instant. */
    private static final UUID LOWEST = new UUID(0, 0);

    public static ExportCursor parse(String since) {
        if (since.startsWith(PREFIX)) {
            String decoded =
                    new String(Base64.getUrlDecoder().decode(since.substring(PREFIX.length())), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("not an export cursor");
            }
            return new ExportCursor(
                    Instant.parse(decoded.substring(0, bar)), UUID.fromString(decoded.substring(bar + 1)));
        }
        try {
            return new ExportCursor(Instant.parse(since), LOWEST);
        } catch (DateTimeParseException e) {
            return new ExportCursor(java.time.OffsetDateTime.parse(since).toInstant(), LOWEST);
        }
    }

    public String token() {
        return PREFIX
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString((receivedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
