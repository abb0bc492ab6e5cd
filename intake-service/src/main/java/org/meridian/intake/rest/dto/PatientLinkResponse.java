package org.meridian.intake.rest.dto;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which pseudonym stands for a patient of a clinic, for outcomes-service (event-contract PatientLink). */
@Schema(
        name = "PatientLink",
        description = "A patient of a clinic and the pseudonymous id outcomes-service knows them by")
public record PatientLinkResponse(
        @Schema(required = true) UUID patientId,
        @Schema(required = true) UUID clinicId,
        @Schema(required = true) UUID pseudonymId) {}
