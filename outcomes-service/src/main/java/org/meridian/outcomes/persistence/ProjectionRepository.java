package org.meridian.outcomes.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes of the intake projection (patients, episodes, sessions). */
@ApplicationScoped
public class ProjectionRepository {

    private EntityManager em() {
        return Panache.getEntityManager();
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

    /** The patient's sessions that took place (not cancelled) in [from, to). */
    public long heldSessionsOfPatientBetween(UUID pseudonymId, Instant from, Instant to) {
        return em().createQuery("select count(s) from ProjectedSession s where s.pseudonymId = :p and s.cancelled = false"
                        + " and s.startedAt >= :from and s.startedAt < :to", Long.class)
                .setParameter("p", pseudonymId).setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    public void persist(Object entity) {
        em().persist(entity);
    }
}
