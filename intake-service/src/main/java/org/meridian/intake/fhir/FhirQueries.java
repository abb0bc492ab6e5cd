package org.meridian.intake.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.meridian.intake.domain.AdverseEvent;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.platform.fhir.DateSearch;
import org.meridian.platform.fhir.FhirScope;
import org.meridian.platform.fhir.Uuids;

/**
 * The reads behind intake's FHIR resources. Every query filters by the caller's clinic and, for a patient, by their
 * own id, so another tenant's or patient's data is never found. Results are sorted stably (time, then id).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FhirQueries {

    private final EntityManager em;

    FhirQueries(EntityManager em) {
        this.em = em;
    }

    /** One page of results and how many there are in all. */
    record Page<T>(List<T> items, long total) {}

    /** An adverse event with the session it followed. */
    record SessionAdverseEvent(AdverseEvent event, TreatmentSession session) {}

    /** A back-pain Condition: an assessment and one of its pain sites. */
    record AssessmentSite(IntakeAssessment assessment, ConditionMapper.Site site) {}

    /** Patient search criteria; null or empty means "any". */
    record PatientCriteria(UUID patientId, TokenParam identifier, String name, List<DateSearch> birthDates) {}

    Optional<Patient> patient(FhirScope scope, UUID id) {
        if (!scope.allows(id)) {
            return Optional.empty();
        }
        return em.createQuery("from Patient p where p.id = :id and p.clinicId = :clinic", Patient.class)
                .setParameter("id", id)
                .setParameter("clinic", scope.clinicId())
                .getResultStream()
                .findFirst();
    }

    Page<Patient> patients(UUID clinicId, PatientCriteria criteria, int page, int count) {
        StringBuilder where = new StringBuilder(" where p.clinicId = :clinic");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("clinic", clinicId);
        if (criteria.patientId() != null) {
            where.append(" and p.id = :patient");
            parameters.put("patient", criteria.patientId());
        }
        TokenParam identifier = criteria.identifier();
        if (identifier != null) {
            // The pseudonymous id is an identifier too (system MeridianFhir.PSEUDONYM_SYSTEM), kept on the patient.
            Optional<UUID> pseudonym = Uuids.parse(identifier.getValue());
            boolean pseudonymSystem = MeridianFhir.PSEUDONYM_SYSTEM.equals(identifier.getSystem());
            where.append(" and (");
            if (!pseudonymSystem) {
                where.append("exists (select 1 from Patient q join q.identifiers i where q.id = p.id"
                        + " and i.value = :identifierValue");
                parameters.put("identifierValue", identifier.getValue());
                if (identifier.getSystem() != null) {
                    where.append(" and i.system = :identifierSystem");
                    parameters.put("identifierSystem", identifier.getSystem());
                }
                where.append(")");
            }
            if ((pseudonymSystem || identifier.getSystem() == null) && pseudonym.isPresent()) {
                where.append(pseudonymSystem ? "" : " or ").append("p.pseudonymId = :pseudonym");
                parameters.put("pseudonym", pseudonym.get());
            } else if (pseudonymSystem) {
                where.append("1 = 0");
            }
            where.append(")");
        }
        if (criteria.name() != null) {
            where.append(
                    " and (lower(p.givenName) like :name escape '\\' or lower(p.familyName) like :name escape '\\')");
            parameters.put("name", escapeLike(criteria.name().toLowerCase(Locale.ROOT)) + "%");
        }
        for (int i = 0; i < criteria.birthDates().size(); i++) {
            DateSearch bound = criteria.birthDates().get(i);
            where.append(" and ").append(bound.condition("p.dateOfBirth", "birth" + i));
            parameters.put("birth" + i + "Lower", bound.lowerDate());
            parameters.put("birth" + i + "Upper", bound.upperDate());
        }
        return page(
                "from Patient p" + where,
                " order by p.familyName, p.givenName, p.id",
                "p",
                Patient.class,
                parameters,
                page,
                count);
    }

    Optional<TreatmentSession> session(FhirScope scope, UUID id) {
        return em.createQuery(
                        "from TreatmentSession s where s.id = :id and s.clinicId = :clinic", TreatmentSession.class)
                .setParameter("id", id)
                .setParameter("clinic", scope.clinicId())
                .getResultStream()
                .filter(session -> scope.allows(session.patientId))
                .findFirst();
    }

    Page<TreatmentSession> sessions(UUID clinicId, UUID patientId, List<DateSearch> dates, int page, int count) {
        StringBuilder where = new StringBuilder(" where s.clinicId = :clinic");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("clinic", clinicId);
        if (patientId != null) {
            where.append(" and s.patientId = :patient");
            parameters.put("patient", patientId);
        }
        for (int i = 0; i < dates.size(); i++) {
            DateSearch bound = dates.get(i);
            where.append(" and ").append(bound.condition("s.startedAt", "date" + i));
            parameters.put("date" + i + "Lower", bound.lower());
            parameters.put("date" + i + "Upper", bound.upper());
        }
        return page(
                "from TreatmentSession s" + where,
                " order by s.startedAt, s.id",
                "s",
                TreatmentSession.class,
                parameters,
                page,
                count);
    }

    Map<UUID, Practitioner> practitioners(UUID clinicId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from Practitioner p where p.clinicId = :clinic and p.id in :ids", Practitioner.class)
                .setParameter("clinic", clinicId)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(practitioner -> practitioner.id, Function.identity()));
    }

    Optional<IntakeAssessment> assessment(FhirScope scope, UUID id) {
        return em.createQuery(
                        "from IntakeAssessment a where a.id = :id and a.clinicId = :clinic", IntakeAssessment.class)
                .setParameter("id", id)
                .setParameter("clinic", scope.clinicId())
                .getResultStream()
                .filter(assessment -> scope.allows(assessment.patientId))
                .findFirst();
    }

    /**
     * Back-pain Conditions: each assessment's pain sites (low back, upper back, sciatica) as rows, so that paging
     * counts Conditions, not assessments. Oldest assessment first.
     */
    @SuppressWarnings("unchecked")
    Page<AssessmentSite> conditions(UUID clinicId, UUID patientId, int page, int count) {
        String from = " from intake.intake_assessment a cross join lateral (values (1, 'LOW_BACK', a.low_back),"
                + " (2, 'UPPER_BACK', a.upper_back), (3, 'SCIATICA', a.sciatica_side is not null)) s(position, site,"
                + " present) where s.present and a.clinic_id = :clinic"
                + (patientId == null ? "" : " and a.patient_id = :patient");
        var rows = em.createNativeQuery("select cast(a.id as varchar), s.site" + from
                        + " order by a.assessed_on, a.recorded_at, a.id, s.position")
                .setParameter("clinic", clinicId);
        var total = em.createNativeQuery("select count(*)" + from).setParameter("clinic", clinicId);
        if (patientId != null) {
            rows.setParameter("patient", patientId);
            total.setParameter("patient", patientId);
        }
        List<Object[]> found =
                rows.setFirstResult(page * count).setMaxResults(count).getResultList();
        List<UUID> ids = found.stream()
                .map(row -> UUID.fromString((String) row[0]))
                .distinct()
                .toList();
        Map<UUID, IntakeAssessment> assessments = ids.isEmpty()
                ? Map.of()
                : em.createQuery("from IntakeAssessment a where a.id in :ids", IntakeAssessment.class)
                        .setParameter("ids", ids)
                        .getResultStream()
                        .collect(Collectors.toMap(assessment -> assessment.id, Function.identity()));
        List<AssessmentSite> items = new ArrayList<>();
        for (Object[] row : found) {
            items.add(new AssessmentSite(
                    assessments.get(UUID.fromString((String) row[0])), ConditionMapper.Site.valueOf((String) row[1])));
        }
        return new Page<>(items, ((Number) total.getSingleResult()).longValue());
    }

    Optional<SessionAdverseEvent> adverseEvent(FhirScope scope, UUID id) {
        return em.createQuery(
                        "select a, s from AdverseEvent a, TreatmentSession s where a.id = :id"
                                + " and a.clinicId = :clinic and s.id = a.sessionId and s.clinicId = :clinic",
                        Object[].class)
                .setParameter("id", id)
                .setParameter("clinic", scope.clinicId())
                .getResultStream()
                .map(row -> new SessionAdverseEvent((AdverseEvent) row[0], (TreatmentSession) row[1]))
                .filter(found -> scope.allows(found.session().patientId))
                .findFirst();
    }

    Page<SessionAdverseEvent> adverseEvents(UUID clinicId, UUID patientId, int page, int count) {
        String from = " from AdverseEvent a, TreatmentSession s where s.id = a.sessionId and a.clinicId = :clinic"
                + " and s.clinicId = :clinic" + (patientId == null ? "" : " and s.patientId = :patient");
        TypedQuery<Object[]> rows = em.createQuery(
                        "select a, s" + from + " order by a.recordedAt, a.id", Object[].class)
                .setParameter("clinic", clinicId);
        TypedQuery<Long> total =
                em.createQuery("select count(a)" + from, Long.class).setParameter("clinic", clinicId);
        if (patientId != null) {
            rows.setParameter("patient", patientId);
            total.setParameter("patient", patientId);
        }
        List<SessionAdverseEvent> items = rows.setFirstResult(page * count)
                .setMaxResults(count)
                .getResultStream()
                .map(row -> new SessionAdverseEvent((AdverseEvent) row[0], (TreatmentSession) row[1]))
                .toList();
        return new Page<>(items, total.getSingleResult());
    }

    private <T> Page<T> page(
            String from,
            String order,
            String alias,
            Class<T> type,
            Map<String, Object> parameters,
            int page,
            int count) {
        TypedQuery<T> rows = em.createQuery("select " + alias + " " + from + order, type);
        TypedQuery<Long> total = em.createQuery("select count(" + alias + ") " + from, Long.class);
        parameters.forEach((name, value) -> {
            // A date prefix uses only one end of its range: bind just the parameters the query names.
            if (from.matches("(?s).*:" + name + "\\b.*")) {
                rows.setParameter(name, value);
                total.setParameter(name, value);
            }
        });
        List<T> items = rows.setFirstResult(page * count).setMaxResults(count).getResultList();
        return new Page<>(items, total.getSingleResult());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
