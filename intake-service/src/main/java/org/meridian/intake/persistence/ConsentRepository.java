package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Consent;
import org.meridian.intake.domain.ConsentKind;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    private static final Sort STABLE_ORDER = Sort.by("recordedAt").and("id");
    private static final String OF_PATIENT = "clinicId = :clinicId and patientId = :patientId";

    public Optional<Consent> findOfPatient(UUID clinicId, UUID patientId, UUID id) {
        return find(OF_PATIENT + " and id = :id", ofPatient(clinicId, patientId).and("id", id))
                .firstResultOptional();
    }

    public List<Consent> listPage(UUID clinicId, UUID patientId, int page, int size) {
        return find(OF_PATIENT, STABLE_ORDER, ofPatient(clinicId, patientId))
                .page(Page.of(page, size))
                .list();
    }

    public long countOfPatient(UUID clinicId, UUID patientId) {
        return count(OF_PATIENT, ofPatient(clinicId, patientId));
    }

    /** The consent of this kind that is neither withdrawn nor superseded, if any. */
    public Optional<Consent> current(UUID clinicId, UUID patientId, ConsentKind kind) {
        return find(
                        OF_PATIENT + " and kind = :kind and withdrawnAt is null and supersededAt is null",
                        ofPatient(clinicId, patientId).and("kind", kind))
                .firstResultOptional();
    }

    private static Parameters ofPatient(UUID clinicId, UUID patientId) {
        return Parameters.with("clinicId", clinicId).and("patientId", patientId);
    }
}
