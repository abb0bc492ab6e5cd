package org.meridian.outcomes.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.persistence.StoredScoreDetails;
import org.meridian.outcomes.rest.dto.AssessmentResponse;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.math.ScoreRounding;
import org.meridian.outcomes.service.InstrumentRegistry;

/**
 * Stored assessment -> API view: scores in the API's one form (half-up to at most 4 decimals, no trailing zeros), the
 * instrument's typed result, answers in instrument order.
 */
@ApplicationScoped
public class AssessmentMapper {

    private final ObjectReader answersReader;
    private final ObjectReader listReader;
    private final InstrumentRegistry instruments;
    private final StoredScoreDetails details;

    AssessmentMapper(ObjectMapper json, InstrumentRegistry instruments, StoredScoreDetails details) {
        this.answersReader = json.readerFor(new TypeReference<LinkedHashMap<String, Integer>>() {});
        this.listReader = json.readerFor(new TypeReference<List<String>>() {});
        this.instruments = instruments;
        this.details = details;
    }

    public AssessmentResponse toResponse(AssessmentEntity row) {
        return new AssessmentResponse(
                row.id,
                row.clinicId,
                row.pseudonymId,
                row.idempotencyKey,
                row.instrumentCode,
                row.instrumentVersion,
                row.policyId,
                row.recallPeriod,
                row.timepoint.name(),
                row.episodeId,
                row.sessionId,
                row.followUpWeeks,
                utc(row.answeredAt),
                utc(row.receivedAt),
                row.status.name(),
                row.scoreExact == null ? null : ScoreRounding.forApi(Rational.parse(row.scoreExact)),
                row.scoreExact,
                AssessmentResultMapper.toResult(row.instrumentCode, details.read(row)),
                answersInItemOrder(row),
                read(listReader, row.itemsMissing),
                row.late,
                row.linkStatus.name(),
                row.version);
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** jsonb does not keep key order: put the items back in the instrument's order. */
    private Map<String, Integer> answersInItemOrder(AssessmentEntity row) {
        Map<String, Integer> stored = read(answersReader, row.answers);
        List<String> order = instruments
                .find(row.instrumentCode, row.instrumentVersion)
                .map(definition -> definition.itemCodes())
                .orElse(new ArrayList<>(stored.keySet()));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        order.forEach(item -> ordered.put(item, stored.get(item)));
        stored.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static <T> T read(ObjectReader reader, String json) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
