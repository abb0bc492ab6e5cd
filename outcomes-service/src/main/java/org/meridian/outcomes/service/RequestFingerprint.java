package org.meridian.outcomes.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * SHA-256 of a submission's meaning, so that a replay under the same idempotency key can be told apart from a
 * different request reusing the key. Key order and number spelling (3 vs 3.0) do not change the fingerprint.
 */
final class RequestFingerprint {

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private RequestFingerprint() {}

    static String of(SubmissionCommand command, String resolvedVersion) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("instrumentCode", command.instrumentCode());
        canonical.put("instrumentVersion", resolvedVersion);
        canonical.put(
                "timepoint",
                command.timepoint() == null ? null : command.timepoint().name());
        canonical.put(
                "sessionId",
                command.sessionId() == null ? null : command.sessionId().toString());
        canonical.put(
                "episodeId",
                command.episodeId() == null ? null : command.episodeId().toString());
        canonical.put("followUpWeeks", command.followUpWeeks());
        canonical.put(
                "answeredAt",
                command.answeredAt() == null ? null : command.answeredAt().toString());
        canonical.put("recallPeriod", command.recallPeriod());
        canonical.put("draft", command.draft());
        Map<String, Object> answers = new TreeMap<>();
        if (command.answers() != null) {
            command.answers().forEach((item, value) -> answers.put(String.valueOf(item), canonicalValue(value)));
        }
        canonical.put("answers", answers);
        try {
            byte[] json = CANONICAL.writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the submission", e);
        }
    }

    private static Object canonicalValue(Object value) {
        if (value instanceof Number number) {
            try {
                return "n:"
                        + new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return "n:" + number;
            }
        }
        return value == null ? null : value.getClass().getSimpleName() + ":" + value;
    }
}
