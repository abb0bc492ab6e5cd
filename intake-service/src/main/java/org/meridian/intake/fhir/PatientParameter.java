package org.meridian.intake.fhir;

import org.meridian.platform.fhir.FhirException;
import java.util.Optional;
import java.util.UUID;

/** The patient a search names with {@code patient} or {@code subject} (a Patient reference); not both. */
final class PatientParameter {

    private PatientParameter() {
    }

    static Optional<UUID> of(SearchParameters parameters) {
        Optional<UUID> patient = parameters.reference("patient", "Patient");
        Optional<UUID> subject = parameters.reference("subject", "Patient");
        if (patient.isPresent() && subject.isPresent()) {
            throw FhirException.badRequest("Give either patient or subject, not both", null);
        }
        return patient.isPresent() ? patient : subject;
    }
}
