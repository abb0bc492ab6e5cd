package org.meridian.outcomes.fhir;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

/**
 * A QuestionnaireResponse read as a submission: the instrument version and the answers map the scoring engine takes.
 *
 * @param answers item code to answer (Integer, or the offending value when not an integer code); items the response
 *        leaves out are absent, i.e. missing
 * @param pseudonymId the subject, when the response names one
 * @param timepoint the Meridian timepoint extension's code, or null
 * @param idempotencyKey the identifier as idempotency key, or null
 */
public record FhirSubmission(
        InstrumentDefinition instrument,
        Map<String, Object> answers,
        boolean draft,
        Optional<UUID> pseudonymId,
        Instant answeredAt,
        UUID sessionId,
        String timepoint,
        Integer followUpWeeks,
        String recallPeriod,
        String idempotencyKey) {}
