package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Episode;
import org.meridian.intake.domain.EpisodeStatus;

@ApplicationScoped
public class EpisodeRepository implements PanacheRepositoryBase<Episode, UUID> {

    private static final Sort STABLE_ORDER = Sort.by("createdAt").and("id");
    private static final String OF_PATIENT = "clinicId = :clinicId and patientId = :patientId";

    public Optional<Episode> findOfPatient(UUID clinicId, UUID patientId, UUID id) {
        return find(OF_PATIENT + " and id = :id", ofPatient(clinicId, patientId).and("id", id))
                .firstResultOptional();
    }

    public Optional<Episode> findInClinic(UUID clinicId, UUID id) {
        return find(
                        "clinicId = :clinicId and id = :id",
                        Parameters.with("clinicId", clinicId).and("id", id))
                .firstResultOptional();
    }

    /**
     * The episode, locked (SELECT ... FOR UPDATE) until the transaction ends: sessions of one episode are numbered one
     * at a time, so two concurrent recordings never compute the same number.
     */
    public Optional<Episode> findInClinicForUpdate(UUID clinicId, UUID id) {
        return find(
                        "clinicId = :clinicId and id = :id",
                        Parameters.with("clinicId", clinicId).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<Episode> listPage(UUID clinicId, UUID patientId, int page, int size) {
        return find(OF_PATIENT, STABLE_ORDER, ofPatient(clinicId, patientId))
                .page(Page.of(page, size))
                .list();
    }

    public long countOfPatient(UUID clinicId, UUID patientId) {
        return count(OF_PATIENT, ofPatient(clinicId, patientId));
    }

    public boolean hasOpenEpisode(UUID clinicId, UUID patientId) {
        return count(
                        OF_PATIENT + " and status in :open",
                        ofPatient(clinicId, patientId)
                                .and("open", List.of(EpisodeStatus.PLANNED, EpisodeStatus.ACTIVE)))
                > 0;
    }

    private static Parameters ofPatient(UUID clinicId, UUID patientId) {
        return Parameters.with("clinicId", clinicId).and("patientId", patientId);
    }
}
