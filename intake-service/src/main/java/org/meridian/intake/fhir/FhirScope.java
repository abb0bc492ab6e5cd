package org.meridian.intake.fhir;

import org.meridian.platform.fhir.FhirFailures;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.meridian.platform.security.Caller;

/**
 * Whose data a FHIR call may touch. FHIR paths carry no clinic, so the tenant is the token's clinic; a patient is
 * further limited to their own record (token {@code patient_id}). Queries always filter by both, so another clinic's
 * or patient's resource is simply not found.
 */
record FhirScope(UUID clinicId, Optional<UUID> ownPatientId) {

    /** Matches nothing: the patient a patient-token's search for someone else is narrowed to. */
    static final UUID NOBODY = new UUID(0, 0);

    static FhirScope of(Caller caller) {
        UUID clinic = caller.clinicId().orElseThrow(() -> FhirFailures.of(403, IssueType.FORBIDDEN,
                "The access token names no clinic (clinic_id), so there are no patients to see"));
        if (caller.isPatientOnly()) {
            UUID own = caller.patientId().orElseThrow(() -> FhirFailures.of(403, IssueType.FORBIDDEN,
                    "A patient's access token must name their patient id (patient_id)"));
            return new FhirScope(clinic, Optional.of(own));
        }
        return new FhirScope(clinic, Optional.empty());
    }

    boolean isPatient() {
        return ownPatientId.isPresent();
    }

    /**
     * The patient a search is limited to: a patient's own id whatever they ask (asking for another patient finds
     * nothing), otherwise the requested one, or every patient of the clinic.
     */
    Optional<UUID> restrict(Optional<UUID> requested) {
        if (ownPatientId.isPresent()) {
            return requested.isPresent() && !requested.equals(ownPatientId) ? Optional.of(NOBODY) : ownPatientId;
        }
        return requested;
    }

    /** Whether this caller may see data about the patient. */
    boolean allows(UUID patientId) {
        return ownPatientId.map(own -> own.equals(patientId)).orElse(true);
    }
}
