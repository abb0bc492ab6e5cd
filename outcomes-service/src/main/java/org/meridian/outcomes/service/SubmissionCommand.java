package org.meridian.outcomes.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.meridian.outcomes.domain.Timepoint;

/**
 * A patient's answers to one instrument version, as submitted.
 *
 * @param instrumentVersion null for the current version of the code
 * @param answers item code to answer as decoded from JSON; null values are kept (they mean "not answered")
 * @param idempotencyKey the Idempotency-Key header or the body's submissionId; null for a non-retryable submission
 */
public record SubmissionCommand(
        UUID clinicId,
        UUID pseudonymId,
        String instrumentCode,
        String instrumentVersion,
        Timepoint timepoint,
        UUID sessionId,
        UUID episodeId,
        Integer followUpWeeks,
        Instant answeredAt,
        String recallPeriod,
        Map<String, Object> answers,
        boolean draft,
        String idempotencyKey,
        String submittedBy) {}
