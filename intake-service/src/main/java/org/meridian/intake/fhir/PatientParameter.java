package org.meridian.intake.fhir;

import java.util.Optional;
import java.util.UUID;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirScope;
import org.meridian.platform.fhir.SearchParameters;
import org.meridian.platform.fhir.Uuids;

/** The patient a search names with {@code patient} or {@code subject} (a Patient reference); not both. */
final class PatientParameter {

    private PatientParameter() {}

    static Optional<UUID> of(SearchParameters parameters) {
        Optional<UUID> patient = reference(parameters, "patient", "Patient");
        Optional<UUID> subject = reference(parameters, "subject", "Patient");
        if (patient.isPresent() && subject.isPresent()) {
            throw FhirFailures.badRequest("Give either patient or subject, not both", null);
        }
        return patient.isPresent() ? patient : subject;
    }

    /**
     * A reference search value naming one {@code type} resource by its Meridian id: {@code Patient/{id}}, a bare
     * {@code {id}}, or an absolute URL ending in {@code Patient/{id}}. An id that is not a Meridian id finds nothing.
     */
    static Optional<UUID> reference(SearchParameters parameters, String name, String type) {
        return parameters.single(name).map(value -> {
            String id = value;
            int slash = value.lastIndexOf('/');
            if (slash >= 0) {
                String before = value.substring(0, slash);
                if (!before.equals(type) && !before.endsWith("/" + type)) {
                    throw FhirFailures.badRequest(
                            name + " must reference a " + type + " (" + type + "/{id}), not '" + value + "'", null);
                }
                id = value.substring(slash + 1);
            }
            return Uuids.parse(id).orElse(FhirScope.NOBODY);
        });
    }
}
