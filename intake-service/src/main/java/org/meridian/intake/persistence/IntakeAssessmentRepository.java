package org.meridian.intake.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.IntakeAssessment;

@ApplicationScoped
public class IntakeAssessmentRepository implements PanacheRepositoryBase<IntakeAssessment, UUID> {

    private static final Sort STABLE_ORDER =
            Sort.by("assessedOn").and("recordedAt").and("id");
    private static final String OF_PATIENT = "clinicId = :clinicId and patientId = :patientId";

    public Optional<IntakeAssessment> findOfPatient(UUID clinicId, UUID patientId, UUID id) {
        return find(OF_PATIENT + " and id = :id", ofPatient(clinicId, patientId).and("id", id))
                .firstResultOptional();
    }

    public List<IntakeAssessment> listPage(UUID clinicId, UUID patientId, int page, int size) {
        return find(OF_PATIENT, STABLE_ORDER, ofPatient(clinicId, patientId))
                .page(Page.of(page, size))
                .list();
    }

    public long countOfPatient(UUID clinicId, UUID patientId) {
        return count(OF_PATIENT, ofPatient(clinicId, patientId));
    }

    /** The patient's most recent assessment (by assessment date, then recording time). */
    public Optional<IntakeAssessment> latestOfPatient(UUID clinicId, UUID patientId) {
        return find(OF_PATIENT, Sort.descending("assessedOn", "recordedAt", "id"), ofPatient(clinicId, patientId))
                .firstResultOptional();
    }

    /** True while any assessment of the patient has a positive red flag nobody has acknowledged. */
    public boolean hasUnacknowledgedRedFlag(UUID clinicId, UUID patientId) {
        return count(
                        OF_PATIENT + " and redFlagPositive = true and redFlagAcknowledgedAt is null",
                        ofPatient(clinicId, patientId))
                > 0;
    }

    private static Parameters ofPatient(UUID clinicId, UUID patientId) {
        return Parameters.with("clinicId", clinicId).and("patientId", patientId);
    }
}
