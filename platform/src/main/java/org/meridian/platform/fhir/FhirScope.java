package org.meridian.platform.fhir;

import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.meridian.platform.security.Caller;

/**
 * Whose data a FHIR call may touch. FHIR paths carry no clinic, so the tenant is the token's clinic; a patient
 * ({@link Caller#isPatientOnly()}) is further limited to their own record, named by the claim the service knows
 * patients by ({@link Caller#PATIENT_CLAIM} in intake, {@link Caller#PSEUDONYM_CLAIM} in outcomes). Queries always
 * filter by both, so another clinic's or patient's resource is simply not found.
 */
public record FhirScope(UUID clinicId, Optional<UUID> ownPatient) {

    /** Matches nothing: the patient a patient-token's search for someone else is narrowed to. */
    public static final UUID NOBODY = new UUID(0, 0);

    public static FhirScope of(Caller caller, String patientClaim) {
        UUID clinic = caller.clinicId()
                .orElseThrow(() -> FhirFailures.of(
                        403,
                        IssueType.FORBIDDEN,
                        "The access token names no clinic (clinic_id), so there are no patients to see"));
        if (caller.isPatientOnly()) {
            UUID own = caller.uuidClaim(patientClaim)
                    .orElseThrow(() -> FhirFailures.of(
                            403,
                            IssueType.FORBIDDEN,
                            "A patient's access token must name who they are (" + patientClaim + ")"));
            return new FhirScope(clinic, Optional.of(own));
        }
        return new FhirScope(clinic, Optional.empty());
    }

    public boolean isPatient() {
        return ownPatient.isPresent();
    }

    /**
     * The patient a search is limited to: a patient's own id whatever they ask (asking for another patient finds
     * nothing), otherwise the requested one, or every patient of the clinic.
     */
    public Optional<UUID> restrict(Optional<UUID> requested) {
        if (ownPatient.isPresent()) {
            return requested.isPresent() && !requested.equals(ownPatient) ? Optional.of(NOBODY) : ownPatient;
        }
        return requested;
    }

    /** Whether this caller may see data about the patient. */
    public boolean allows(UUID patientId) {
        return ownPatient.map(own -> own.equals(patientId)).orElse(true);
    }
}
