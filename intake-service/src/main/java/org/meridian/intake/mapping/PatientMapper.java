package org.meridian.intake.mapping;

import static org.meridian.intake.mapping.Values.blankToNull;
import static org.meridian.intake.mapping.Values.orEmpty;
import static org.meridian.intake.mapping.Values.utc;

import java.util.Comparator;
import org.meridian.intake.domain.Patient;
import org.meridian.intake.rest.dto.IdentifierDto;
import org.meridian.intake.rest.dto.PatientRequest;
import org.meridian.intake.rest.dto.PatientResponse;
import org.meridian.intake.service.PatientService.IdentifierDraft;
import org.meridian.intake.service.PatientService.PatientDraft;

public final class PatientMapper {

    private PatientMapper() {}

    public static PatientDraft toDraft(PatientRequest request) {
        return new PatientDraft(
                request.givenName().strip(),
                request.familyName().strip(),
                request.dateOfBirth(),
                request.sex(),
                blankToNull(request.email()),
                blankToNull(request.phone()),
                orEmpty(request.identifiers()).stream()
                        .map(identifier -> new IdentifierDraft(
                                identifier.type(),
                                identifier.system().strip(),
                                identifier.value().strip()))
                        .toList());
    }

    public static PatientResponse toResponse(Patient patient) {
        return new PatientResponse(
                patient.id,
                patient.clinicId,
                patient.pseudonymId,
                patient.givenName,
                patient.familyName,
                patient.dateOfBirth,
                patient.sex,
                patient.email,
                patient.phone,
                patient.identifiers.stream()
                        .map(identifier -> new IdentifierDto(identifier.type, identifier.system, identifier.value))
                        .sorted(Comparator.comparing(IdentifierDto::type)
                                .thenComparing(IdentifierDto::system)
                                .thenComparing(IdentifierDto::value))
                        .toList(),
                patient.referBeforeNeedling,
                utc(patient.createdAt),
                utc(patient.updatedAt),
                patient.version);
    }
}
