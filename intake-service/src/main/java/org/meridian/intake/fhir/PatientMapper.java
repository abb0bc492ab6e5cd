package org.meridian.intake.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Patient;
import org.meridian.intake.domain.IdentifierType;
import org.meridian.intake.domain.PatientIdentifier;
import org.meridian.intake.domain.Sex;
import org.meridian.platform.fhir.FhirDates;

/** An intake patient as a FHIR Patient: same id, the external identifiers plus the pseudonymous id. */
final class PatientMapper {

    private PatientMapper() {}

    static Patient toResource(org.meridian.intake.domain.Patient patient) {
        Patient resource = new Patient();
        resource.setId(patient.id.toString());
        resource.getMeta()
                .setVersionId(Long.toString(patient.version))
                .setLastUpdatedElement(FhirDates.instant(patient.updatedAt));
        patient.identifiers.stream()
                .sorted(Comparator.comparing((PatientIdentifier identifier) -> identifier.type)
                        .thenComparing(identifier -> identifier.system)
                        .thenComparing(identifier -> identifier.value))
                .forEach(identifier -> {
                    Identifier fhir = resource.addIdentifier()
                            .setUse(IdentifierUse.USUAL)
                            .setSystem(identifier.system)
                            .setValue(identifier.value);
                    typeCode(identifier.type)
                            .ifPresent(code -> fhir.setType(new CodeableConcept().addCoding(code.coding())));
                });
        resource.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(MeridianFhir.PSEUDONYM_SYSTEM)
                .setValue(patient.pseudonymId.toString());
        resource.setActive(true);
        HumanName name = resource.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(patient.familyName);
        for (String given : patient.givenName.strip().split("\\s+")) {
            name.addGiven(given);
        }
        if (patient.email != null) {
            resource.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(patient.email);
        }
        if (patient.phone != null) {
            resource.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(patient.phone);
        }
        resource.setGender(gender(patient.sex));
        resource.setBirthDateElement(new DateType(patient.dateOfBirth.toString()));
        return resource;
    }

    static AdministrativeGender gender(Sex sex) {
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    static Optional<Sex> sex(AdministrativeGender gender) {
        return switch (gender) {
            case FEMALE -> Optional.of(Sex.FEMALE);
            case MALE -> Optional.of(Sex.MALE);
            case OTHER -> Optional.of(Sex.OTHER);
            case UNKNOWN -> Optional.of(Sex.UNKNOWN);
            case NULL -> Optional.empty();
        };
    }

    /** The HL7 v2 identifier type (table 0203) of each kind Meridian stores; OTHER has none. */
    enum TypeCode {
        MR("Medical record number", IdentifierType.MRN),
        NH("National Health Plan Identifier", IdentifierType.NATIONAL_HEALTH_ID),
        MB("Member Number", IdentifierType.INSURANCE_MEMBER);

        final String display;
        final IdentifierType type;

        TypeCode(String display, IdentifierType type) {
            this.display = display;
            this.type = type;
        }

        org.hl7.fhir.r4.model.Coding coding() {
            return new org.hl7.fhir.r4.model.Coding(MeridianFhir.IDENTIFIER_TYPE_SYSTEM, name(), display);
        }
    }

    static Optional<TypeCode> typeCode(IdentifierType type) {
        for (TypeCode code : TypeCode.values()) {
            if (code.type == type) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** The kind of an incoming identifier from its v2-0203 type coding; no or another type is OTHER. */
    static IdentifierType identifierType(Identifier identifier) {
        List<org.hl7.fhir.r4.model.Coding> codings =
                identifier.hasType() ? identifier.getType().getCoding() : new ArrayList<>();
        for (org.hl7.fhir.r4.model.Coding coding : codings) {
            if (MeridianFhir.IDENTIFIER_TYPE_SYSTEM.equals(coding.getSystem())) {
                for (TypeCode code : TypeCode.values()) {
                    if (code.name().equals(coding.getCode())) {
                        return code.type;
                    }
                }
            }
        }
        return IdentifierType.OTHER;
    }
}
