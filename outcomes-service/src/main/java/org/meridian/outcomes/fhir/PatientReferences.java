package org.meridian.outcomes.fhir;

import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.meridian.platform.fhir.Uuids;

/**
 * Outcomes-service holds no identifying data and does not know intake's patient ids: it refers to a patient by a
 * logical reference to the pseudonymous id, which intake's Patient resource carries as an identifier.
 */
final class PatientReferences {

    private PatientReferences() {}

    static Reference of(UUID pseudonymId) {
        return new Reference()
                .setType("Patient")
                .setIdentifier(new Identifier()
                        .setSystem(MeridianFhir.PSEUDONYM_SYSTEM)
                        .setValue(pseudonymId.toString()));
    }

    /** The pseudonymous id of a subject reference, or empty when it is not one of Meridian's pseudonym identifiers. */
    static Optional<UUID> pseudonymOf(Reference reference) {
        if (reference == null || !reference.hasIdentifier()) {
            return Optional.empty();
        }
        Identifier identifier = reference.getIdentifier();
        if (!MeridianFhir.PSEUDONYM_SYSTEM.equals(identifier.getSystem()) || !identifier.hasValue()) {
            return Optional.empty();
        }
        return Uuids.parse(identifier.getValue());
    }
}
