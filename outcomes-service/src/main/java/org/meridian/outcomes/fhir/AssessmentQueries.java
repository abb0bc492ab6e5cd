package org.meridian.outcomes.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.meridian.outcomes.domain.AssessmentStatus;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.platform.fhir.DateSearch;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirScope;

/**
 * Read-only queries over stored assessments for FHIR searches: across a clinic's patients, by instrument, answer time
 * and last update, always limited to the caller's clinic (and patient). Writes go through the AssessmentService.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssessmentQueries {

    /**
     * @param pseudonymId null for every patient of the clinic
     * @param instrumentCodes empty for any instrument
     * @param instrumentVersion null for any version
     * @param idempotencyKey null for any
     */
    public record Criteria(
            UUID clinicId,
            UUID pseudonymId,
            List<String> instrumentCodes,
            String instrumentVersion,
            List<DateSearch> answered,
            List<DateSearch> updated,
            boolean scoredOnly,
            String idempotencyKey) {}

    public record Page(List<AssessmentEntity> items, long total) {}

    private final EntityManager entities;

    AssessmentQueries(EntityManager entities) {
        this.entities = entities;
    }

    public Optional<AssessmentEntity> find(FhirScope scope, UUID id) {
        AssessmentEntity row = entities.find(AssessmentEntity.class, id);
        if (row == null
                || !row.clinicId.equals(scope.clinicId())
                || scope.patient().map(own -> !own.equals(row.pseudonymId)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(row);
    }

    public Page search(Criteria criteria, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        conditions.add("a.clinicId = :clinicId");
        parameters.put("clinicId", criteria.clinicId());
        if (criteria.pseudonymId() != null) {
            conditions.add("a.pseudonymId = :pseudonymId");
            parameters.put("pseudonymId", criteria.pseudonymId());
        }
        if (!criteria.instrumentCodes().isEmpty()) {
            conditions.add("a.instrumentCode in :instrumentCodes");
            parameters.put("instrumentCodes", criteria.instrumentCodes());
        }
        if (criteria.instrumentVersion() != null) {
            conditions.add("a.instrumentVersion = :instrumentVersion");
            parameters.put("instrumentVersion", criteria.instrumentVersion());
        }
        if (criteria.scoredOnly()) {
            conditions.add("a.status = :status");
            parameters.put("status", AssessmentStatus.SCORED);
        }
        if (criteria.idempotencyKey() != null) {
            conditions.add("a.idempotencyKey = :idempotencyKey");
            parameters.put("idempotencyKey", criteria.idempotencyKey());
        }
        addDates(conditions, parameters, "a.answeredAt", "answered", criteria.answered());
        addDates(conditions, parameters, "a.updatedAt", "updated", criteria.updated());
        String where = " where " + String.join(" and ", conditions);

        TypedQuery<AssessmentEntity> query = entities.createQuery(
                "select a from AssessmentEntity a" + where + " order by a.answeredAt, a.receivedAt, a.id",
                AssessmentEntity.class);
        TypedQuery<Long> count = entities.createQuery("select count(a) from AssessmentEntity a" + where, Long.class);
        parameters.forEach((name, value) -> {
            // A one-sided date bound uses only one of its two parameters.
            if (Pattern.compile(":" + name + "\\b").matcher(where).find()) {
                query.setParameter(name, value);
                count.setParameter(name, value);
            }
        });
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            throw FhirFailures.badRequest("_page is beyond the last page", null);
        }
        List<AssessmentEntity> items =
                query.setFirstResult((int) first).setMaxResults(size).getResultList();
        return new Page(items, count.getSingleResult());
    }

    private static void addDates(
            List<String> conditions,
            Map<String, Object> parameters,
            String field,
            String name,
            List<DateSearch> bounds) {
        for (int index = 0; index < bounds.size(); index++) {
            DateSearch bound = bounds.get(index);
            String parameter = name + index;
            conditions.add(bound.condition(field, parameter));
            parameters.put(parameter + "Lower", bound.lower());
            parameters.put(parameter + "Upper", bound.upper());
        }
    }
}
