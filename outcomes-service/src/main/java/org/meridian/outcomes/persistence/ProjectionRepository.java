package org.meridian.outcomes.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Reads and writes of the intake projection (clinics, patients, episodes, sessions). */
@ApplicationScoped
public class ProjectionRepository {

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public Optional<ProjectedClinic> clinic(UUID clinicId) {
        return Optional.ofNullable(em().find(ProjectedClinic.class, clinicId));
    }

    public Optional<ProjectedPatient> patient(UUID pseudonymId) {
        return Optional.ofNullable(em().find(ProjectedPatient.class, pseudonymId));
    }

    public Optional<ProjectedEpisode> episode(UUID episodeId) {
        return Optional.ofNullable(em().find(ProjectedEpisode.class, episodeId));
    }

    public Optional<ProjectedSession> session(UUID sessionId) {
        return Optional.ofNullable(em().find(ProjectedSession.class, sessionId));
    }

    /**
     * What the projection and the clinic's own submissions say about a patient, read in one statement whatever the
     * answer, so that a foreign and an unknown patient cost the same.
     *
     * @param projectedClinic the clinic intake registered the patient in, if it announced the patient
     * @param submittedInClinic whether the clinic has stored submissions about the patient
     */
    public record PatientStanding(Optional<UUID> projectedClinic, boolean submittedInClinic) {}

    public PatientStanding standing(UUID clinicId, UUID pseudonymId) {
        Object[] row = (Object[]) em().createNativeQuery("""
                SELECT p.clinic_id,
                       EXISTS (SELECT 1 FROM assessment a WHERE a.clinic_id = :clinic AND a.pseudonym_id = :patient)
                FROM (VALUES (1)) AS one LEFT JOIN projected_patient p ON p.pseudonym_id = :patient""")
                .setParameter("clinic", clinicId)
                .setParameter("patient", pseudonymId)
                .getSingleResult();
        return new PatientStanding(Optional.ofNullable((UUID) row[0]), (Boolean) row[1]);
    }

    /** When one of a patient's episodes started (null: intake has not said). */
    public record EpisodeStart(UUID episodeId, LocalDate startDate) {

        public static EpisodeStart of(ProjectedEpisode episode) {
            return new EpisodeStart(episode.episodeId, episode.startDate);
        }
    }

    /**
     * Where the projection places a patient, with the starts of their episodes in one clinic (by start date).
     *
     * @param clinicOfPatient the clinic intake registered the patient in, if the feed announced the patient
     */
    public record Placement(Optional<UUID> clinicOfPatient, List<EpisodeStart> episodes) {}

    /**
     * The patient's placement and episodes in the clinic: what every new submission reads, under the patient's link
     * lock ({@link #lockLinksOf}), which the transaction then holds until it ends. The feed's page about the patient
     * takes the same lock before it applies anything, so the two cannot overlap and each miss the other's rows: a
     * submission read before the page committed would be stored PENDING, or without the episode the page announced,
     * after the page had linked the patient's waiting assessments. The lock and the read are two statements sent in one
     * round trip; under READ COMMITTED the read's snapshot is taken once the lock is held, so it sees whatever the page
     * committed. Plain JDBC on the transaction's connection, since Hibernate's query and entity machinery cost more CPU
     * than the statements themselves (docs/performance.md) and nothing here is changed afterwards.
     */
    public Placement placement(UUID clinicId, UUID pseudonymId) {
        return em().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LINK_LOCK + ";" + """
                    SELECT p.clinic_id, e.episode_id, e.start_date
                      FROM projected_patient p
                      LEFT JOIN projected_episode e ON e.pseudonym_id = p.pseudonym_id AND e.clinic_id = ?
                     WHERE p.pseudonym_id = ?
                     ORDER BY e.start_date, e.episode_id""")) {
                statement.setObject(1, pseudonymId);
                statement.setObject(2, clinicId);
                statement.setObject(3, pseudonymId);
                statement.execute();
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("the placement read gave no result set");
                }
                try (ResultSet rows = statement.getResultSet()) {
                    UUID clinicOfPatient = null;
                    List<EpisodeStart> episodes = new ArrayList<>();
                    while (rows.next()) {
                        clinicOfPatient = rows.getObject(1, UUID.class);
                        UUID episodeId = rows.getObject(2, UUID.class);
                        if (episodeId != null) {
                            episodes.add(new EpisodeStart(episodeId, rows.getObject(3, LocalDate.class)));
                        }
                    }
                    return new Placement(Optional.ofNullable(clinicOfPatient), List.copyOf(episodes));
                }
            }
        });
    }

    /**
     * A transaction-level advisory lock per patient (namespace 1298; the episode-outcome trigger's is 1297), held until
     * the transaction ends: taken by a new submission as it reads the patient's placement, and by the feed for every
     * patient of a page before it applies the page. A page holds at most as many as it has events (200 by default).
     */
    private static final int LINK_LOCKS = 1298;

    private static final String LINK_LOCK =
            "SELECT pg_advisory_xact_lock(" + LINK_LOCKS + ", hashtext(cast(? as text)))";

    /** Takes the link locks of these patients (see {@link #placement}), in a fixed order. */
    public void lockLinksOf(Collection<UUID> pseudonymIds) {
        if (pseudonymIds.isEmpty()) {
            return;
        }
        em().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT count(pg_advisory_xact_lock(%d, key))
                      FROM (SELECT DISTINCT hashtext(cast(p AS text)) AS key FROM unnest(?) AS p ORDER BY key) AS keys
                    """.formatted(LINK_LOCKS))) {
                statement.setArray(1, connection.createArrayOf("uuid", pseudonymIds.toArray()));
                statement.execute(); // one row, counted once every lock is taken, whatever the fetch size
            }
        });
    }

    /** The patient's episodes in the clinic, by start date. */
    public List<ProjectedEpisode> episodesOfPatient(UUID clinicId, UUID pseudonymId) {
        return em().createQuery(
                        "from ProjectedEpisode where clinicId = :c and pseudonymId = :p"
                                + " order by startDate, episodeId",
                        ProjectedEpisode.class)
                .setParameter("c", clinicId)
                .setParameter("p", pseudonymId)
                .getResultList();
    }

    /** Sessions of the patient's episode in the clinic by number (then start), cancelled ones included. */
    public List<ProjectedSession> sessionsOfEpisode(UUID clinicId, UUID pseudonymId, UUID episodeId) {
        return em().createQuery(
                        "from ProjectedSession where clinicId = :c and pseudonymId = :p and episodeId = :e"
                                + " order by sessionNumber, startedAt, sessionId",
                        ProjectedSession.class)
                .setParameter("c", clinicId)
                .setParameter("p", pseudonymId)
                .setParameter("e", episodeId)
                .getResultList();
    }

    /** Every session of the patient in the clinic, in start order, cancelled ones included. */
    public List<ProjectedSession> sessionsOfPatient(UUID clinicId, UUID pseudonymId) {
        return em().createQuery(
                        "from ProjectedSession where clinicId = :c and pseudonymId = :p"
                                + " order by startedAt, sessionNumber, sessionId",
                        ProjectedSession.class)
                .setParameter("c", clinicId)
                .setParameter("p", pseudonymId)
                .getResultList();
    }

    /** The patient's sessions in the clinic that took place (not cancelled) in [from, to). */
    public long heldSessionsOfPatientBetween(UUID clinicId, UUID pseudonymId, Instant from, Instant to) {
        return em().createQuery(
                        "select count(s) from ProjectedSession s where s.clinicId = :c and s.pseudonymId = :p"
                                + " and s.cancelled = false and s.startedAt >= :from and s.startedAt < :to",
                        Long.class)
                .setParameter("c", clinicId)
                .setParameter("p", pseudonymId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    public void persist(Object entity) {
        em().persist(entity);
    }

    /** The feed's cursor row, locked until the transaction ends so that concurrent consumers apply a page once. */
    public FeedCursor lockCursor(String feed) {
        FeedCursor cursor = em().find(FeedCursor.class, feed, LockModeType.PESSIMISTIC_WRITE);
        if (cursor == null) {
            throw new IllegalStateException("feed cursor " + feed + " is missing (Flyway V3 creates it)");
        }
        return cursor;
    }

    public long cursorPosition(String feed) {
        FeedCursor cursor = em().find(FeedCursor.class, feed);
        return cursor == null ? 0 : cursor.position;
    }

    /** Records the event as processed; false when it already was (a re-read page after a crash or a race). */
    public boolean markProcessed(String eventId, long position, String type, Instant now) {
        return em().createNativeQuery("""
                INSERT INTO processed_event (event_id, position, type, processed_at) VALUES (:id, :position, :type, :now)
                ON CONFLICT (event_id) DO NOTHING""")
                        .setParameter("id", eventId)
                        .setParameter("position", position)
                        .setParameter("type", type)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }
}
