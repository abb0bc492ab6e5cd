package org.meridian.intake.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.meridian.intake.domain.Sex;
import org.meridian.intake.rest.dto.IdentifierDto;
import org.meridian.intake.rest.dto.PatientRequest;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirIssue;

/**
 * Reads a FHIR Patient from an EHR into the native registration request, then checks it with the same bean
 * validation rules as {@code POST /api/v1/intake/clinics/{clinicId}/patients}. Every problem becomes an issue naming
 * the FHIR element; any problem is a 422 and nothing is stored.
 */
final class PatientReader {

    private final Validator validator;

    PatientReader(Validator validator) {
        this.validator = validator;
    }

    PatientRequest read(Patient patient) {
        List<FhirIssue> issues = new ArrayList<>();
        if (patient.hasId()) {
            issues.add(new FhirIssue(
                    IssueType.INVALID, "A create must not carry an id: Meridian assigns it", "Patient.id"));
        }
        HumanName name = patient.getName().stream()
                .filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL)
                .findFirst()
                .orElse(patient.getNameFirstRep());
        String given = String.join(
                " ", name.getGiven().stream().map(part -> part.getValue()).toList());
        String family = name.getFamily();
        LocalDate birthDate = null;
        if (!patient.hasBirthDate()) {
            issues.add(new FhirIssue(IssueType.REQUIRED, "birthDate is required", "Patient.birthDate"));
        } else if (patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
            issues.add(
                    new FhirIssue(IssueType.VALUE, "birthDate must be a full date (YYYY-MM-DD)", "Patient.birthDate"));
        } else {
            birthDate = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
        }
        Sex sex = patient.hasGender() ? PatientMapper.sex(patient.getGender()).orElse(null) : null;
        String email = telecom(patient, ContactPoint.ContactPointSystem.EMAIL);
        String phone = telecom(patient, ContactPoint.ContactPointSystem.PHONE);
        List<IdentifierDto> identifiers = new ArrayList<>();
        List<Integer> sourceIndex = new ArrayList<>();
        for (int i = 0; i < patient.getIdentifier().size(); i++) {
            Identifier identifier = patient.getIdentifier().get(i);
            if (MeridianFhir.PSEUDONYM_SYSTEM.equals(identifier.getSystem())) {
                issues.add(new FhirIssue(
                        IssueType.VALUE,
                        "The pseudonymous id is assigned by Meridian",
                        "Patient.identifier[" + i + "]"));
                continue;
            }
            sourceIndex.add(i);
            identifiers.add(new IdentifierDto(
                    PatientMapper.identifierType(identifier), identifier.getSystem(), identifier.getValue()));
        }
        PatientRequest request =
                new PatientRequest(given.isBlank() ? null : given, family, birthDate, sex, email, phone, identifiers);
        Set<ConstraintViolation<PatientRequest>> violations = validator.validate(request);
        violations.stream()
                .sorted(Comparator.comparing(
                        violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> issues.add(new FhirIssue(
                        IssueType.INVALID,
                        expression(violation.getPropertyPath().toString(), sourceIndex) + " " + violation.getMessage(),
                        expression(violation.getPropertyPath().toString(), sourceIndex))));
        if (!issues.isEmpty()) {
            throw FhirFailures.unprocessable(issues);
        }
        return request;
    }

    /** The FHIR element of a native request field: givenName -> Patient.name[0].given ... */
    static String expression(String field, List<Integer> sourceIndex) {
        String head = field.contains("[") ? field.substring(0, field.indexOf('[')) : field;
        if (head.equals("identifiers") && field.length() > head.length() + 1) {
            String rest = field.substring(head.length() + 1);
            int close = rest.indexOf(']');
            int index = Integer.parseInt(rest.substring(0, close));
            return "Patient.identifier[" + sourceIndex.get(index) + "]" + rest.substring(close + 1);
        }
        return switch (head) {
            case "givenName" -> "Patient.name[0].given";
            case "familyName" -> "Patient.name[0].family";
            case "dateOfBirth" -> "Patient.birthDate";
            case "sex" -> "Patient.gender";
            case "email", "phone" -> "Patient.telecom";
            case "identifiers" -> "Patient.identifier";
            default -> "Patient";
        };
    }

    private static String telecom(Patient patient, ContactPoint.ContactPointSystem system) {
        return patient.getTelecom().stream()
                .filter(point -> point.getSystem() == system && point.hasValue())
                .map(ContactPoint::getValue)
                .findFirst()
                .orElse(null);
    }
}
