package org.meridian.intake.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.ConsentKind;
import org.meridian.intake.domain.ConsentStatus;

@Schema(name = "Consent")
public record ConsentResponse(
        @Schema(examples = "c4a1e2d3-1111-4e8f-a1c2-d3e4f5a6b7c8")
        UUID id,

        @Schema(examples = "7c2e9a10-5b3d-4e8f-a1c2-d3e4f5a6b7c8")
        UUID patientId,

        ConsentKind kind,
        @Schema(examples = "2026-03", maxLength = 32) String documentVersion,
        @Schema(examples = "2026-11-22T09:15:00Z") OffsetDateTime givenAt,
        ConsentStatus status,

        @Schema(nullable = true, examples = "2026-12-01T10:00:00Z")
        OffsetDateTime withdrawnAt,

        @Schema(
                nullable = true,
                examples = "Patient no longer wishes their data to be used for research",
                maxLength = 500)
        String withdrawalReason,

        @Schema(examples = "2026-11-22T09:16:00Z") OffsetDateTime recordedAt,

        @Schema(
                description = "Optimistic-concurrency version; also sent as the ETag",
                examples = "0",
                minimum = "0",
                maximum = "9223372036854775807")
        long version) {}
