package org.meridian.outcomes.rest.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.outcomes.domain.Timepoint;

@Schema(name = "AssessmentSubmission", description = "A patient's answers to one instrument version", examples = """
                {"submissionId": "4b7c1e2a-9d3f-4f1e-8a66-0c2d9e1f3b5a", "instrumentCode": "ODI", "instrumentVersion": "2.1a",
                 "timepoint": "BASELINE", "answeredAt": "2026-11-22T09:30:00+01:00",
                 "answers": {"odi_01_pain_intensity": 3, "odi_02_personal_care": 2, "odi_03_lifting": 4,
                   "odi_04_walking": 3, "odi_05_sitting": 3, "odi_06_standing": 4, "odi_07_sleeping": 2,
                   "odi_08_sex_life": null, "odi_09_social_life": 5, "odi_10_travelling": 4}}""")
public record SubmitAssessmentRequest(
        @Schema(
                description =
                        "Client-generated id making the submission retryable; same role as the Idempotency-Key header")
        UUID submissionId,

        @NotBlank @Size(max = 32) @Schema(examples = "NRS_BACK_PAIN")
        String instrumentCode,

        @Size(max = 16) @Schema(description = "Pinned version; the current one when omitted", examples = "1.0")
        String instrumentVersion,

        @NotNull Timepoint timepoint,

        @Schema(description = "Required for PRE_SESSION and POST_SESSION")
        UUID sessionId,

        @Schema(description = "The episode (course of care); derived from the session when omitted")
        UUID episodeId,

        @JsonAlias("weeks")
        @Min(1)
        @Max(520)
        @Schema(
                description = "Required for FOLLOW_UP: weeks after the episode's start (default schedule 4, 12, 26)",
                examples = "12")
        Integer followUpWeeks,

        @NotNull
        @Schema(description = "When the patient answered, ISO 8601 with offset", examples = "2026-11-22T09:30:00+01:00")
        OffsetDateTime answeredAt,

        @Schema(
                description = "Recall period asked; defaults to RIGHT_NOW around sessions where allowed, else the"
                        + " instrument's default",
                examples = "PAST_WEEK")
        @Size(max = 32)
        String recallPeriod,

        @NotNull
        @Schema(
                description = "Item code -> answer code; null or absent means not answered",
                examples = "{\"back_pain_nrs\": 6}")
        Map<String, Object> answers,

        @Schema(description = "Save as an incomplete draft when the answers cannot be scored yet", examples = "false")
        Boolean draft) {}
