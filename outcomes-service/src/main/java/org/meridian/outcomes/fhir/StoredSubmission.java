package org.meridian.outcomes.fhir;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored assessment as the FHIR mappers need it, independent of the persistence model.
 *
 * @param answers item code to integer answer code; null or absent means unanswered
 * @param idempotencyKey the submission's idempotency key (its FHIR identifier), or null
 */
public record StoredSubmission(
        UUID id,
        long version,
        UUID pseudonymId,
        String instrumentCode,
        String instrumentVersion,
        boolean draft,
        Map<String, Integer> answers,
        Instant answeredAt,
        Instant updatedAt,
        UUID sessionId,
        String timepoint,
        Integer followUpWeeks,
        String recallPeriod,
        String idempotencyKey) {

    public StoredSubmission {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pseudonymId, "pseudonymId");
        Objects.requireNonNull(instrumentCode, "instrumentCode");
        Objects.requireNonNull(instrumentVersion, "instrumentVersion");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
