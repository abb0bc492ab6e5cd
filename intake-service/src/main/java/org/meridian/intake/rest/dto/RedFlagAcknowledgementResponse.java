package org.meridian.intake.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "RedFlagAcknowledgement",
        description = "Who acknowledged the red flags (always the calling" + " practitioner), when, and why")
public record RedFlagAcknowledgementResponse(
        @Schema(examples = "3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60")
        UUID practitionerId,

        @Schema(examples = "2026-11-22T10:05:00Z") OffsetDateTime acknowledgedAt,

        @Schema(
                nullable = true,
                examples = "Cancer in remission for 12 years; GP confirmed no current concern",
                maxLength = 1000)
        String note) {}
