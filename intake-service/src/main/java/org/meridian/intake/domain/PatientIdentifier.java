package org.meridian.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.UUID;

/**
 * An identifier another system gives the patient, e.g. the EHR's MRN. It carries the clinic so the database can keep
 * a (system, value) pair unique within a clinic while two clinics may hold the same person.
 */
@Embeddable
public class PatientIdentifier {

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentifierType type;

    @Column(nullable = false)
    public String system;

    @Column(nullable = false)
    public String value;

    public PatientIdentifier() {}

    public PatientIdentifier(UUID clinicId, IdentifierType type, String system, String value) {
        this.clinicId = clinicId;
        this.type = type;
        this.system = system;
        this.value = value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PatientIdentifier that
                && Objects.equals(clinicId, that.clinicId)
                && type == that.type
                && Objects.equals(system, that.system)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clinicId, type, system, value);
    }
}
