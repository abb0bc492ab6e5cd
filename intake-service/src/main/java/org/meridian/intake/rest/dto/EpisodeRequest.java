package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EpisodeRequest", description = "The plan of a course of care")
public record EpisodeRequest(
        @Schema(description = "Planned or actual start of the course; may be in the future", examples = "2026-11-24")
        @NotNull
        LocalDate startDate,

        @Schema(
                description = "Planned number of sessions (STRICTA item 4)",
                examples = "10",
                minimum = "1",
                maximum = "60")
        @NotNull
        @Min(1)
        @Max(60)
        Integer plannedSessions,

        @Schema(
                examples =
                        "Reduce low back pain to <= 3/10; return to full-time work; walk 30 minutes without leg pain",
                maxLength = 2000)
        @Size(max = 2000)
        String goals) {}
