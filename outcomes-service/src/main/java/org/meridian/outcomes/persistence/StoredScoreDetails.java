package org.meridian.outcomes.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.meridian.outcomes.scoring.ScoreDetailsTypes;
import org.meridian.outcomes.scoring.result.ScoreDetails;

/**
 * Reads an assessment's stored {@code score_details} (jsonb) as its instrument's {@link ScoreDetails} record. Strict on
 * purpose: a stored document in another shape (one a migration missed) fails loudly instead of reading as zeros.
 */
@ApplicationScoped
public class StoredScoreDetails {

    private final ObjectMapper json;

    StoredScoreDetails(ObjectMapper json) {
        this.json = json.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The row's details; null when it has none (a draft). */
    public ScoreDetails read(AssessmentEntity row) {
        if (row.scoreDetails == null) {
            return null;
        }
        Class<? extends ScoreDetails> type = ScoreDetailsTypes.forInstrument(row.instrumentCode)
                .orElseThrow(
                        () -> new IllegalStateException("no score details type for instrument " + row.instrumentCode));
        try {
            return json.readValue(row.scoreDetails, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored score details of assessment " + row.id + " cannot be read as " + type.getSimpleName(), e);
        }
    }
}
