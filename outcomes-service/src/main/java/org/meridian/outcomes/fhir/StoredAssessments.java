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
import org.meridian.outcomes.scoring.Score;
import org.meridian.outcomes.scoring.instrument.InstrumentCodes;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.IssDetails;
import org.meridian.outcomes.scoring.result.NrsDetails;
import org.meridian.outcomes.scoring.result.OdiDetails;
import org.meridian.outcomes.scoring.result.PegDetails;
import org.meridian.outcomes.scoring.result.PgicDetails;
import org.meridian.outcomes.scoring.result.PromisDetails;
import org.meridian.outcomes.scoring.result.RmdqDetails;
import org.meridian.outcomes.scoring.result.ScoreDetails;
import org.meridian.outcomes.scoring.result.StartBackDetails;
import org.meridian.outcomes.scoring.result.VasDetails;

/**
 * Stored assessment rows as the FHIR mappers' inputs. The score is the stored one (exact fraction and details under
 * the policy recorded with it), never recomputed, so a later change of deployment policy cannot alter history.
 */
@ApplicationScoped
public class StoredAssessments {

    private static final Map<String, Class<? extends ScoreDetails>> DETAILS = Map.of(
            InstrumentCodes.NRS_BACK_PAIN, NrsDetails.class,
            InstrumentCodes.NRS_LEG_PAIN, NrsDetails.class,
            InstrumentCodes.ODI, OdiDetails.class,
            InstrumentCodes.RMDQ, RmdqDetails.class,
            InstrumentCodes.PEG, PegDetails.class,
            InstrumentCodes.STARTBACK, StartBackDetails.class,
            InstrumentCodes.PROMIS_PI_4A, PromisDetails.class,
            InstrumentCodes.PGIC, PgicDetails.class,
            InstrumentCodes.NIH_ISS, IssDetails.class,
            InstrumentCodes.VAS_PAIN, VasDetails.class);

    private final ObjectMapper json;

    StoredAssessments(ObjectMapper json) {
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
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
        Class<? extends ScoreDetails> type = DETAILS.get(row.instrumentCode);
        if (type == null) {
            throw new IllegalStateException("no score details type for instrument " + row.instrumentCode);
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
                readAs(row.scoreDetails, type),
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

    private <T> T readAs(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score details cannot be read as " + type.getSimpleName(), e);
        }
    }
}
