package org.meridian.platform.fhir;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose data a FHIR call may touch. FHIR paths carry no clinic, so the tenant is the token's clinic; a patient
 * ({@link org.meridian.platform.security.Caller#isPatientOnly()}) is further limited to their own record, and a request
 * only a patient-level SMART scope allows to the patient in context ({@link
 * org.meridian.platform.fhir.smart.FhirAccess}). Queries always filter by both, so another clinic's or patient's
 * resource is simply not found.
 */
public record FhirScope(UUID clinicId, Optional<UUID> patient) {

    /** Matches nothing: the patient a patient-token's search for someone else is narrowed to. */
    public static final UUID NOBODY = new UUID(0, 0);

    public boolean isPatient() {
        return patient.isPresent();
    }

    /**
     * The patient a search is limited to: a patient's own id whatever they ask (asking for another patient finds
     * nothing), otherwise the requested one, or every patient of the clinic.
     */
    public Optional<UUID> restrict(Optional<UUID> requested) {
        if (patient.isPresent()) {
            return requested.isPresent() && !requested.equals(patient) ? Optional.of(NOBODY) : patient;
        }
        return requested;
    }

    /** Whether this caller may see data about the patient. */
    public boolean allows(UUID patientId) {
        return patient.map(own -> own.equals(patientId)).orElse(true);
    }
}
