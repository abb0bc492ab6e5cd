package org.meridian.platform.fhir.smart;

import java.util.Optional;
import java.util.UUID;
import org.meridian.platform.security.Caller;

/**
 * The patient a staff member's patient-level scopes are about (SMART's launch context): the access token's
 * {@code patient} claim names intake's FHIR Patient id; each service turns it into the id it knows patients by.
 */
public interface PatientContext {

    /** The access-token claim of the launch context (SMART App Launch 2.x, "Launch context arrives with your access_token"). */
    String CLAIM = "patient";

    /**
     * The patient in context as this service knows them, or empty when the token names none. A patient the service
     * does not know in the caller's clinic is still returned (or {@link org.meridian.platform.fhir.FhirScope#NOBODY}):
     * queries then find nothing, as for any unknown id.
     */
    Optional<UUID> patient(Caller caller);
}
