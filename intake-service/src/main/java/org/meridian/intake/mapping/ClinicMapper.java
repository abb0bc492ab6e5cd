package org.meridian.intake.mapping;

import java.time.ZoneOffset;
import org.meridian.intake.domain.Clinic;
import org.meridian.intake.rest.dto.ClinicResponse;
import org.meridian.intake.rest.dto.CreateClinicRequest;
import org.meridian.intake.service.ClinicService.ClinicDraft;

public final class ClinicMapper {

    private ClinicMapper() {}

    public static ClinicDraft toDraft(CreateClinicRequest request) {
        return new ClinicDraft(
                request.name(),
                blankToNull(request.registrationNumber()),
                blankToNull(request.contactEmail()),
                blankToNull(request.contactPhone()),
                request.timeZone());
    }

    public static ClinicResponse toResponse(Clinic clinic) {
        return new ClinicResponse(
                clinic.id,
                clinic.name,
                clinic.registrationNumber,
                clinic.contactEmail,
                clinic.contactPhone,
                clinic.timeZone,
                clinic.active,
                clinic.createdAt.atOffset(ZoneOffset.UTC),
                clinic.updatedAt.atOffset(ZoneOffset.UTC),
                clinic.version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
