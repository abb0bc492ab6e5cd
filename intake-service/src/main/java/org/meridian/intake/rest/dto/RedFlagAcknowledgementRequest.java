package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RedFlagAcknowledgementRequest", description = "The calling practitioner has reviewed the red flags")
public record RedFlagAcknowledgementRequest(
        @Schema(
                description = "Optional: the caller's own practitioner id (claim practitioner_id); any other is refused"
                        + " with 403, since the acknowledgement always records the caller",
                examples = "3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60")
        UUID practitionerId,

        @Schema(
                description = "What was decided and why",
                examples = "Cancer in remission for 12 years; GP confirmed no"
                        + " current concern; cleared for acupuncture",
                maxLength = 1000)
        @NotBlank
        @Size(max = 1000)
        String note) {}
