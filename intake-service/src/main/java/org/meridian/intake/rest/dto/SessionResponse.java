package org.meridian.intake.rest.dto;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.AcupunctureStyle;
import org.meridian.intake.domain.SessionCancelReason;
import org.meridian.intake.domain.SessionStatus;
import org.meridian.intake.domain.Stimulation;

@Schema(name = "Session", description = "An acupuncture session with its STRICTA details")
public record SessionResponse(
        @Schema(examples = "5a5b5c5d-4444-4e8f-a1c2-d3e4f5a6b7c8")
        UUID id,

        @Schema(examples = "e1a2b3c4-3333-4e8f-a1c2-d3e4f5a6b7c8")
        UUID episodeId,

        @Schema(examples = "7c2e9a10-5b3d-4e8f-a1c2-d3e4f5a6b7c8")
        UUID patientId,

        @Schema(
                description = "1, 2, 3... within the episode; never reused, even after a cancellation",
                examples = "1",
                minimum = "1",
                maximum = "2147483647")
        int sessionNumber,

        SessionStatus status,
        @Schema(examples = "2026-11-24T10:00:00Z") OffsetDateTime startedAt,

        @Schema(examples = "3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60")
        UUID practitionerId,

        AcupunctureStyle style,

        @Schema(
                nullable = true,
                examples = "TCM pattern: Kidney deficiency with Qi and Blood stagnation",
                maxLength = 500)
        String styleDetails,

        @Schema(maxItems = 60) List<NeedledPointDto> points,

        @Schema(examples = "8", minimum = "1", maximum = "200")
        int needleCount,

        @Schema(examples = "true") boolean deQiElicited,
        Stimulation stimulation,

        @Schema(nullable = true, examples = "2", minimum = "1", maximum = "1000")
        Integer electroFrequencyHz,

        @Schema(examples = "20", minimum = "1", maximum = "120")
        int retentionMinutes,

        NeedleTypeDto needleType,
        @Schema(maxItems = 10) List<CoInterventionDto> coInterventions,

        @Schema(nullable = true, examples = "Patient tolerated well; advised gentle walking", maxLength = 2000)
        String notes,

        @Schema(nullable = true, examples = "2026-11-25T08:00:00Z")
        OffsetDateTime cancelledAt,

        @Schema(nullable = true) SessionCancelReason cancelReason,

        @Schema(nullable = true, examples = "Recorded against the wrong patient", maxLength = 1000)
        String cancelNote,

        @Schema(
                nullable = true,
                description = "Who entered the record (null for sessions recorded before this was kept)")
        ActorDto enteredBy,

        @Schema(nullable = true, description = "Who cancelled it")
        ActorDto cancelledBy,

        @Schema(examples = "2026-11-24T10:40:00Z") OffsetDateTime createdAt,
        @Schema(examples = "2026-11-24T10:40:00Z") OffsetDateTime updatedAt,

        @Schema(
                description = "Optimistic-concurrency version; also sent as the ETag",
                examples = "0",
                minimum = "0",
                maximum = "9223372036854775807")
        long version) {}
