package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.SessionStatus;
import org.meridian.intake.domain.TreatmentSession;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<TreatmentSession, UUID> {

    private static final String OF_EPISODE = "clinicId = :clinicId and episodeId = :episodeId";

    public Optional<TreatmentSession> findOfEpisode(UUID clinicId, UUID episodeId, UUID id) {
        return find(OF_EPISODE + " and id = :id", ofEpisode(clinicId, episodeId).and("id", id))
                .firstResultOptional();
    }

    /** In session order, which is unique within an episode. */
    public List<TreatmentSession> listPage(UUID clinicId, UUID episodeId, int page, int size) {
        return find(OF_EPISODE, Sort.by("sessionNumber"), ofEpisode(clinicId, episodeId))
                .page(Page.of(page, size))
                .list();
    }

    public long countOfEpisode(UUID clinicId, UUID episodeId) {
        return count(OF_EPISODE, ofEpisode(clinicId, episodeId));
    }

    /** The highest number given so far in the episode, cancelled sessions included (numbers are never reused). */
    public int highestNumber(UUID episodeId) {
        Integer highest = getEntityManager()
                .createQuery(
                        "select max(s.sessionNumber) from TreatmentSession s where s.episodeId = :episodeId",
                        Integer.class)
                .setParameter("episodeId", episodeId)
                .getSingleResult();
        return highest == null ? 0 : highest;
    }

    /** When the first session that took place (not cancelled) began, if any. */
    public Optional<Instant> earliestRecordedStart(UUID episodeId) {
        return Optional.ofNullable(getEntityManager()
                .createQuery(
                        "select min(s.startedAt) from TreatmentSession s where s.episodeId = :episodeId"
                                + " and s.status = :recorded",
                        Instant.class)
                .setParameter("episodeId", episodeId)
                .setParameter("recorded", SessionStatus.RECORDED)
                .getSingleResult());
    }

    private static Parameters ofEpisode(UUID clinicId, UUID episodeId) {
        return Parameters.with("clinicId", clinicId).and("episodeId", episodeId);
    }
}
