package org.meridian.intake.rest.dto;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** intake issued this pseudonym to a patient of the clinic (event-contract IssuedPseudonym). */
@Schema(
        name = "IssuedPseudonym",
        description = "A pseudonymous id intake issued to a patient of the clinic; without intake's patient id")
public record IssuedPseudonymResponse(
        @Schema(required = true) UUID clinicId,
        @Schema(required = true) UUID pseudonymId) {}
