package org.meridian.outcomes.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meridian.outcomes.domain.AssessmentStatus;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.persistence.StoredScoreDetails;
import org.meridian.outcomes.scoring.Score;
import org.meridian.outcomes.scoring.math.Rational;

/**
 * Stored assessment rows as the FHIR mappers' inputs. The score is the stored one (exact fraction and details under
 * the policy recorded with it), never recomputed, so a later change of deployment policy cannot alter history.
 */
@ApplicationScoped
public class StoredAssessments {

    private final ObjectMapper json;
    private final StoredScoreDetails details;

    StoredAssessments(ObjectMapper json, StoredScoreDetails details) {
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.details = details;
    }

    public StoredSubmission submission(AssessmentEntity row) {
        Map<String, Integer> answers = read(row.answers, new TypeReference<LinkedHashMap<String, Integer>>() {});
        return new StoredSubmission(
                row.id,
                row.version,
                row.pseudonymId,
                row.instrumentCode,
                row.instrumentVersion,
                row.status == AssessmentStatus.DRAFT,
                answers,
                row.answeredAt,
                row.updatedAt,
                row.sessionId,
                row.timepoint == null ? null : row.timepoint.name(),
                row.followUpWeeks,
                row.recallPeriod,
                row.idempotencyKey);
    }

    /** The stored score of a SCORED row. */
    public Score score(AssessmentEntity row) {
        if (row.status != AssessmentStatus.SCORED || row.scoreExact == null || row.scoreDetails == null) {
            throw new IllegalArgumentException("assessment " + row.id + " has no score");
        }
        Map<String, Integer> answers = read(row.answers, new TypeReference<LinkedHashMap<String, Integer>>() {});
        List<String> used = answers.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(Map.Entry::getKey)
                .toList();
        List<String> missing = read(row.itemsMissing, new TypeReference<List<String>>() {});
        return new Score(
                row.instrumentCode,
                row.instrumentVersion,
                row.policyId,
                Rational.parse(row.scoreExact),
                details.read(row),
                used,
                missing);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
