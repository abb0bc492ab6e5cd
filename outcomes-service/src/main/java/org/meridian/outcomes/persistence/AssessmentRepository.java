package org.meridian.outcomes.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.meridian.outcomes.domain.AssessmentStatus;
import org.meridian.outcomes.domain.LinkStatus;
import org.meridian.outcomes.domain.Timepoint;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<AssessmentEntity, UUID> {

    private static final Sort CHRONOLOGICAL =
            Sort.by("answeredAt").and("receivedAt").and("id");

    public record Filter(
            UUID clinicId,
            UUID pseudonymId,
            String instrumentCode,
            Timepoint timepoint,
            UUID episodeId,
            AssessmentStatus status) {}

    /**
     * Inserts the row unless one with the same (clinic, patient, idempotency key) exists: the database decides, so
     * concurrent identical submissions create exactly one row. Returns whether this call inserted it. A conflicting
     * insert waits for the first one's transaction and then does nothing.
     * <p>On insert, the row takes the values as PostgreSQL stored them (jsonb's key order and spacing, timestamps
     * rounded to microseconds), returned by the same statement, so that the first answer and every replay (read
     * from the table) are byte-identical without reading the row back.
     */
    public boolean insertIfAbsent(AssessmentEntity row) {
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
                bind(insert, row);
                try (ResultSet stored = insert.executeQuery()) {
                    if (!stored.next()) {
                        return false;
                    }
                    row.answers = stored.getString(1);
                    row.itemsMissing = stored.getString(2);
                    row.scoreDetails = stored.getString(3);
                    row.answeredAt = stored.getObject(4, OffsetDateTime.class).toInstant();
                    row.scoreValue = stored.getBigDecimal(5);
                    row.version = 0;
                    return true;
                }
            }
        });
    }

    /**
     * Plain JDBC on the transaction's connection: this is every submission's write, and Hibernate's native-query
     * machinery (result-set mapping resolved on every call) cost more CPU than the statement (docs/performance.md).
     */
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO assessment (id, clinic_id, pseudonym_id, instrument_code, instrument_version, policy_id,
                recall_period, timepoint, episode_id, session_id, follow_up_weeks, answered_at, received_at,
                updated_at, status, answers, items_missing, score_exact, score_value, score_details, late,
                link_status, idempotency_key, request_hash, submitted_by, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?,
                cast(? as jsonb), ?, ?, ?, ?, ?, 0)
            ON CONFLICT (clinic_id, pseudonym_id, idempotency_key) DO NOTHING
            RETURNING cast(answers as text), cast(items_missing as text), cast(score_details as text), answered_at,
                score_value
            """;

    private static void bind(PreparedStatement insert, AssessmentEntity row) throws SQLException {
        insert.setObject(1, row.id);
        insert.setObject(2, row.clinicId);
        insert.setObject(3, row.pseudonymId);
        insert.setString(4, row.instrumentCode);
        insert.setString(5, row.instrumentVersion);
        insert.setString(6, row.policyId);
        insert.setString(7, row.recallPeriod);
        insert.setString(8, row.timepoint.name());
        insert.setObject(9, row.episodeId, Types.OTHER);
        insert.setObject(10, row.sessionId, Types.OTHER);
        insert.setObject(11, row.followUpWeeks, Types.INTEGER);
        insert.setObject(12, utc(row.answeredAt));
        insert.setObject(13, utc(row.receivedAt));
        insert.setObject(14, utc(row.updatedAt));
        insert.setString(15, row.status.name());
        insert.setString(16, row.answers);
        insert.setString(17, row.itemsMissing);
        insert.setString(18, row.scoreExact);
        insert.setBigDecimal(19, row.scoreValue);
        insert.setString(20, row.scoreDetails);
        insert.setBoolean(21, row.late);
        insert.setString(22, row.linkStatus.name());
        insert.setString(23, row.idempotencyKey);
        insert.setString(24, row.requestHash);
        insert.setString(25, row.submittedBy);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public Optional<AssessmentEntity> findByIdempotencyKey(UUID clinicId, UUID pseudonymId, String key) {
        return find("clinicId = ?1 and pseudonymId = ?2 and idempotencyKey = ?3", clinicId, pseudonymId, key)
                .firstResultOptional();
    }

    public Optional<AssessmentEntity> findOfPatient(UUID clinicId, UUID pseudonymId, UUID id) {
        return find("id = ?1 and clinicId = ?2 and pseudonymId = ?3", id, clinicId, pseudonymId)
                .firstResultOptional();
    }

    public List<AssessmentEntity> search(Filter filter, int page, int size) {
        Query query = query(filter);
        return find(query.jpql(), CHRONOLOGICAL, query.parameters())
                .page(Page.of(page, size))
                .list();
    }

    public long countMatching(Filter filter) {
        Query query = query(filter);
        return count(query.jpql(), query.parameters());
    }

    /** Every scored assessment of a patient (optionally of one episode), oldest first. */
    public List<AssessmentEntity> scoredOfPatient(UUID clinicId, UUID pseudonymId, UUID episodeId) {
        if (episodeId == null) {
            return list(
                    "clinicId = ?1 and pseudonymId = ?2 and status = ?3",
                    CHRONOLOGICAL,
                    clinicId,
                    pseudonymId,
                    AssessmentStatus.SCORED);
        }
        return list(
                "clinicId = ?1 and pseudonymId = ?2 and status = ?3 and episodeId = ?4",
                CHRONOLOGICAL,
                clinicId,
                pseudonymId,
                AssessmentStatus.SCORED,
                episodeId);
    }

    /** The patient's assessments still to link: PENDING ones, and EXPIRED ones, reclaimed if their events come late. */
    public List<AssessmentEntity> pendingOfPatient(UUID pseudonymId) {
        return list(
                "pseudonymId = ?1 and linkStatus in ?2",
                CHRONOLOGICAL,
                pseudonymId,
                List.of(LinkStatus.PENDING, LinkStatus.EXPIRED));
    }

    /** An assessment whose link expired. */
    public record Expired(UUID id, UUID clinicId, UUID pseudonymId) {}

    /**
     * Marks PENDING assessments received before {@code cutoff} as EXPIRED, in one statement: with two replicas running
     * it at once, each row is expired (and returned) by exactly one of them.
     */
    /** A clinic's patient with PENDING assessments whom the feed has not announced (anywhere). */
    public record UnannouncedPatient(UUID clinicId, UUID pseudonymId) {}

    /** Up to {@code limit} patients with PENDING assessments that the feed has not announced, oldest first. */
    public List<UnannouncedPatient> unannouncedWithPending(int limit) {
        List<?> rows = getEntityManager()
                .createNativeQuery("""
                SELECT a.clinic_id, a.pseudonym_id FROM assessment a
                WHERE a.link_status = 'PENDING'
                  AND NOT EXISTS (SELECT 1 FROM projected_patient p WHERE p.pseudonym_id = a.pseudonym_id)
                GROUP BY a.clinic_id, a.pseudonym_id
                ORDER BY min(a.received_at), a.clinic_id, a.pseudonym_id
                LIMIT :limit""")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(values -> new UnannouncedPatient((UUID) values[0], (UUID) values[1]))
                .toList();
    }

    /**
     * Marks the patient's PENDING assessments in the clinic as EXPIRED unless the feed has announced the patient by
     * now, in one statement (safe with replicas running it at once).
     */
    public List<Expired> expirePendingOfUnannounced(UUID clinicId, UUID pseudonymId, Instant now) {
        List<?> rows = getEntityManager()
                .createNativeQuery("""
                UPDATE assessment SET link_status = 'EXPIRED', updated_at = :now, version = version + 1
                WHERE clinic_id = :clinic AND pseudonym_id = :patient AND link_status = 'PENDING'
                  AND NOT EXISTS (SELECT 1 FROM projected_patient p WHERE p.pseudonym_id = :patient)
                RETURNING id, clinic_id, pseudonym_id""")
                .setParameter("clinic", clinicId)
                .setParameter("patient", pseudonymId)
                .setParameter("now", now)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(values -> new Expired((UUID) values[0], (UUID) values[1], (UUID) values[2]))
                .toList();
    }

    public List<Expired> expirePendingReceivedBefore(Instant cutoff, Instant now) {
        List<?> rows = getEntityManager()
                .createNativeQuery("""
                UPDATE assessment SET link_status = 'EXPIRED', updated_at = :now, version = version + 1
                WHERE link_status = 'PENDING' AND received_at < :cutoff
                RETURNING id, clinic_id, pseudonym_id""")
                .setParameter("cutoff", cutoff)
                .setParameter("now", now)
                .getResultList();
        return rows.stream()
                .map(row -> (Object[]) row)
                .map(values -> new Expired((UUID) values[0], (UUID) values[1], (UUID) values[2]))
                .toList();
    }

    /** How many assessments are PENDING, and when the oldest of them was received (empty when none). */
    public record PendingLinks(long count, Optional<Instant> oldestReceivedAt) {}

    public PendingLinks pendingLinks() {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("SELECT count(*), min(received_at) FROM assessment WHERE link_status = 'PENDING'")
                .getSingleResult();
        Object oldest = row[1];
        return new PendingLinks(
                ((Number) row[0]).longValue(),
                Optional.ofNullable(
                        oldest instanceof java.sql.Timestamp timestamp
                                ? timestamp.toInstant()
                                : oldest instanceof java.time.OffsetDateTime offset
                                        ? offset.toInstant()
                                        : (Instant) oldest));
    }

    /** Assessments answered without an episode on or after {@code from}: candidates for a newly started episode. */
    public List<AssessmentEntity> withoutEpisodeSince(UUID pseudonymId, java.time.Instant from) {
        return list("pseudonymId = ?1 and episodeId is null and answeredAt >= ?2", CHRONOLOGICAL, pseudonymId, from);
    }

    private record Query(String jpql, Parameters parameters) {}

    private static Query query(Filter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = Parameters.with("clinicId", filter.clinicId()).and("pseudonymId", filter.pseudonymId());
        conditions.add("clinicId = :clinicId");
        conditions.add("pseudonymId = :pseudonymId");
        if (filter.instrumentCode() != null) {
            conditions.add("instrumentCode = :instrumentCode");
            parameters.and("instrumentCode", filter.instrumentCode());
        }
        if (filter.timepoint() != null) {
            conditions.add("timepoint = :timepoint");
            parameters.and("timepoint", filter.timepoint());
        }
        if (filter.episodeId() != null) {
            conditions.add("episodeId = :episodeId");
            parameters.and("episodeId", filter.episodeId());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status());
        }
        return new Query(String.join(" and ", conditions), parameters);
    }
}
