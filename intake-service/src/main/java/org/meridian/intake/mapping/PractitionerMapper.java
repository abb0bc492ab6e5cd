package org.meridian.intake.mapping;

import static org.meridian.intake.mapping.Values.blankToNull;
import static org.meridian.intake.mapping.Values.utc;

import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.rest.dto.PractitionerRequest;
import org.meridian.intake.rest.dto.PractitionerResponse;
import org.meridian.intake.service.PractitionerService.PractitionerDraft;

public final class PractitionerMapper {

    private PractitionerMapper() {}

    public static PractitionerDraft toDraft(PractitionerRequest request) {
        return new PractitionerDraft(
                request.givenName().strip(),
                request.familyName().strip(),
                request.licenceNumber().strip(),
                request.profession(),
                blankToNull(request.qualifications()),
                request.yearsInAcupuncturePractice(),
                request.active() == null || request.active());
    }

    public static PractitionerResponse toResponse(Practitioner practitioner) {
        return new PractitionerResponse(
                practitioner.id,
                practitioner.clinicId,
                practitioner.givenName,
                practitioner.familyName,
                practitioner.licenceNumber,
                practitioner.profession,
                practitioner.qualifications,
                practitioner.yearsInAcupuncturePractice,
                practitioner.active,
                utc(practitioner.createdAt),
                utc(practitioner.updatedAt),
                practitioner.version);
    }
}
