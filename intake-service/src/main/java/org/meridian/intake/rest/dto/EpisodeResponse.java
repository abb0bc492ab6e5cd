package org.meridian.intake.rest.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.EpisodeCloseReason;
import org.meridian.intake.domain.EpisodeStatus;

@Schema(name = "Episode", description = "A course of care")
public record EpisodeResponse(
        @Schema(examples = "e1a2b3c4-3333-4e8f-a1c2-d3e4f5a6b7c8")
        UUID id,

        @Schema(examples = "7c2e9a10-5b3d-4e8f-a1c2-d3e4f5a6b7c8")
        UUID patientId,

        @Schema(examples = "2026-11-24") LocalDate startDate,

        @Schema(examples = "10", minimum = "1", maximum = "60")
        int plannedSessions,

        @Schema(
                nullable = true,
                examples = "Reduce low back pain to <= 3/10; return to full-time work",
                maxLength = 2000)
        String goals,

        EpisodeStatus status,
        @Schema(nullable = true) EpisodeCloseReason closedReason,

        @Schema(nullable = true, examples = "No meaningful change in pain after 8 sessions", maxLength = 1000)
        String closedNote,

        @Schema(nullable = true, examples = "2027-01-30T16:00:00Z")
        OffsetDateTime closedAt,

        @Schema(
                nullable = true,
                description = "When it became ACTIVE (explicitly or by its first session)",
                examples = "2026-11-24T10:40:00Z")
        OffsetDateTime activatedAt,

        @Schema(
                nullable = true,
                description = "Who activated it (who entered the first session, when that activated it);"
                        + " null before activation and for episodes activated before this was kept")
        ActorDto activatedBy,

        @Schema(nullable = true, description = "Who completed or discontinued it")
        ActorDto closedBy,

        @Schema(
                nullable = true,
                description = "Chronicity (NIH Task Force) and NCD 30.3.3 eligibility from the patient's"
                        + " latest intake assessment")
        IntakeClassificationDto intakeClassification,

        @Schema(examples = "2026-11-22T09:45:00Z") OffsetDateTime createdAt,
        @Schema(examples = "2026-11-22T09:45:00Z") OffsetDateTime updatedAt,

        @Schema(
                description = "Optimistic-concurrency version; also sent as the ETag",
                examples = "0",
                minimum = "0",
                maximum = "9223372036854775807")
        long version) {}
