package org.meridian.outcomes.rest.dto;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;

@Schema(name = "Assessment", description = "A stored submission with its score", examples = """
                {"id": "0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b", "clinicId": "0b6f2c1a-6a4e-4d55-9e1b-2f3c4d5e6f70",
                 "pseudonymId": "9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c", "submissionId": "odi-baseline-1",
                 "instrumentCode": "ODI", "instrumentVersion": "2.1a", "policyId": "odi-percent-of-answered-max-missing-1",
                 "recallPeriod": "RIGHT_NOW", "timepoint": "BASELINE", "episodeId": null, "sessionId": null,
                 "followUpWeeks": null, "answeredAt": "2026-11-22T08:30:00Z", "receivedAt": "2026-11-22T08:30:02Z",
                 "status": "SCORED", "score": 66.6667, "scoreExact": "200/3",
                 "details": {"instrumentCode": "ODI", "total": 30, "sectionsAnswered": 9, "maximumPossible": 45,
                   "percent": 66.6667, "category": "CRIPPLED"},
                 "answers": {"odi_01_pain_intensity": 3, "odi_02_personal_care": 2, "odi_03_lifting": 4, "odi_04_walking": 3,
                   "odi_05_sitting": 3, "odi_06_standing": 4, "odi_07_sleeping": 2, "odi_08_sex_life": null,
                   "odi_09_social_life": 5, "odi_10_travelling": 4},
                 "itemsMissing": ["odi_08_sex_life"], "late": false, "linkStatus": "LINKED", "version": 0}""")
public record AssessmentResponse(
        UUID id,
        UUID clinicId,
        UUID pseudonymId,

        @Schema(description = "The idempotency key or submissionId it was submitted with", maxLength = 128)
        String submissionId,

        @Schema(examples = "ODI", maxLength = InstrumentLimits.CODE)
        String instrumentCode,

        @Schema(examples = "2.1a", maxLength = InstrumentLimits.VERSION)
        String instrumentVersion,

        @Schema(
                description = "Scoring policy applied",
                examples = "odi-percent-of-answered-max-missing-1",
                maxLength = InstrumentLimits.POLICY_ID)
        String policyId,

        @Schema(examples = "PAST_WEEK", maxLength = 32) String recallPeriod,
        @Schema(examples = "BASELINE", maxLength = 16) String timepoint,
        @Schema(nullable = true) UUID episodeId,
        @Schema(nullable = true) UUID sessionId,

        @Schema(nullable = true, minimum = "1", maximum = "520")
        Integer followUpWeeks,

        OffsetDateTime answeredAt,
        OffsetDateTime receivedAt,

        @Schema(
                enumeration = {"SCORED", "DRAFT"},
                examples = "SCORED")
        String status,

        @Schema(
                nullable = true,
                description = "Primary score rounded half-up to at most 4 decimals, without trailing zeros (7, 41.6,"
                        + " 66.6667); null for drafts",
                examples = "66.6667")
        BigDecimal score,

        @Schema(
                nullable = true,
                description = "The exact score as a fraction or decimal",
                examples = "200/3",
                maxLength = 100)
        String scoreExact,

        @Schema(
                nullable = true,
                description = "The instrument's typed result (category, total, subscales and the figures behind the"
                        + " score; docs/scoring.md#results-in-the-api); instrumentCode says which schema; null for"
                        + " drafts")
        AssessmentResult details,

        @Schema(
                description = "Every item of the version with its answer code; null = not answered",
                additionalProperties = AnswerCode.class)
        Map<String, Integer> answers,

        @Schema(
                description = "Unanswered items (tolerated by the policy, or still open in a draft)",
                type = SchemaType.ARRAY,
                implementation = ItemCode.class,
                maxItems = InstrumentLimits.ITEMS)
        List<String> itemsMissing,

        @Schema(
                description = "POST_SESSION answered later than the window after the session's start",
                examples = "false")
        boolean late,

        @Schema(
                description = "PENDING while intake's events about the patient/session have not arrived; EXPIRED when"
                        + " they did not arrive within the pending window (7 days by default; the assessment is kept"
                        + " and linked if they come after all); MISMATCH when they contradict the submission",
                enumeration = {"LINKED", "PENDING", "MISMATCH", "EXPIRED"},
                examples = "LINKED")
        String linkStatus,

        @Schema(
                description = "Optimistic concurrency version (the ETag)",
                examples = "0",
                minimum = "0",
                maximum = "9223372036854775807")
        long version) {

    /** The value type of {@code answers}: an item's answer code, null while the item is not answered. */
    @Schema(
            name = "AnswerCode",
            type = SchemaType.INTEGER,
            format = "int32",
            nullable = true,
            examples = "3",
            minimum = "0",
            maximum = "100",
            description = "An item's answer code; null = not answered")
    public interface AnswerCode {}

    /** The item type of {@code itemsMissing}: an item code of the instrument. */
    @Schema(
            name = "ItemCode",
            type = SchemaType.STRING,
            maxLength = InstrumentLimits.ITEM_CODE,
            examples = "odi_08_sex_life",
            description = "An item code of the instrument")
    public interface ItemCode {}
}
