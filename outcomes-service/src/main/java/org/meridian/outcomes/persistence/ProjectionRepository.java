package org.meridian.outcomes.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    public List<ProjectedEpisode> episodesOfPatient(UUID pseudonymId) {
        return em().createQuery("from ProjectedEpisode where pseudonymId = :p order by startDate, episodeId",
                ProjectedEpisode.class).setParameter("p", pseudonymId).getResultList();
    }

    /** Sessions of an episode by number (then start), cancelled ones included. */
    public List<ProjectedSession> sessionsOfEpisode(UUID episodeId) {
        return em().createQuery("from ProjectedSession where episodeId = :e order by sessionNumber, startedAt, sessionId",
                ProjectedSession.class).setParameter("e", episodeId).getResultList();
    }

    /** Every session of the patient, in start order, cancelled ones included. */
    public List<ProjectedSession> sessionsOfPatient(UUID pseudonymId) {
        return em().createQuery("from ProjectedSession where pseudonymId = :p order by startedAt, sessionNumber, sessionId",
                ProjectedSession.class).setParameter("p", pseudonymId).getResultList();
    }

    /** The patient's sessions that took place (not cancelled) in [from, to). */
    public long heldSessionsOfPatientBetween(UUID pseudonymId, Instant from, Instant to) {
        return em().createQuery("select count(s) from ProjectedSession s where s.pseudonymId = :p and s.cancelled = false"
                        + " and s.startedAt >= :from and s.startedAt < :to", Long.class)
                .setParameter("p", pseudonymId).setParameter("from", from).setParameter("to", to).getSingleResult();
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
                .setParameter("id", eventId).setParameter("position", position).setParameter("type", type)
                .setParameter("now", now).executeUpdate() == 1;
    }
}
