package org.meridian.outcomes.rest.dto;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;

@Schema(
        name = "Progress",
        description = "Change from baseline and responder status per instrument (Ostelo 2008 MCIDs),"
                + " and within-session change of pain ratings. Scores rounded half-up to at most 4 decimals, without trailing zeros; flags decided on exact"
                + " fractions.",
        examples = """
        {"pseudonymId": "9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c", "episodeId": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
         "sessionsHeld": 6,
         "measures": [{"instrumentCode": "ODI", "instrumentVersion": "2.1a", "direction": "HIGHER_IS_WORSE",
           "assessmentCount": 3,
           "baseline": {"assessmentId": "0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b", "answeredAt": "2026-10-01T08:30:00Z",
             "timepoint": "BASELINE", "score": 66.6667, "scoreExact": "200/3"},
           "latest": {"assessmentId": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d", "answeredAt": "2026-10-29T08:30:00Z",
             "timepoint": "FOLLOW_UP", "followUpWeeks": 4, "score": 46.6667, "scoreExact": "140/3"},
           "change": {"change": -20, "improvement": 20, "percentImprovement": 30,
             "responderAbsolute": true, "responderRelative": true, "deteriorationAbsolute": false,
             "deteriorationRelative": false, "responder": true, "improvedAtLeast30Percent": true,
             "improvedAtLeast50Percent": false},
           "responder": true,
           "firstResponse": {"assessmentId": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d", "answeredAt": "2026-10-29T08:30:00Z",
             "sessionsBefore": 4}}],
         "withinSession": [{"sessionId": "7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b", "sessionNumber": 1,
           "instrumentCode": "NRS_BACK_PAIN", "pre": 7, "post": 4,
           "change": {"change": -3, "improvement": 3, "percentImprovement": 42.8571, "responderAbsolute": true,
             "responderRelative": true, "deteriorationAbsolute": false, "deteriorationRelative": false, "responder": true,
             "improvedAtLeast30Percent": true, "improvedAtLeast50Percent": false}, "postLate": false}]}""")
public record ProgressResponse(
        UUID pseudonymId,

        @Schema(nullable = true, description = "The episode, or null for all of the patient's assessments")
        UUID episodeId,

        @Schema(
                description = "Sessions held (not cancelled) in scope, as intake reported them",
                examples = "6",
                minimum = "0",
                maximum = "2147483647")
        int sessionsHeld,

        @Schema(maxItems = InstrumentLimits.INSTRUMENTS) List<Measure> measures,
        List<WithinSession> withinSession) {

    @Schema(name = "MeasureProgress")
    public record Measure(
            @Schema(examples = "ODI", maxLength = InstrumentLimits.CODE)
            String instrumentCode,

            @Schema(examples = "2.1a", maxLength = InstrumentLimits.VERSION)
            String instrumentVersion,

            @Schema(
                    examples = "HIGHER_IS_WORSE",
                    enumeration = {"HIGHER_IS_WORSE", "HIGHER_IS_BETTER"})
            String direction,

            @Schema(examples = "3", minimum = "0", maximum = "2147483647")
            int assessmentCount,

            @Schema(nullable = true, description = "First scored BASELINE, else earliest PRE_SESSION; null for PGIC")
            Point baseline,

            @Schema(nullable = true, description = "Latest scored assessment after baseline (POST_SESSION excluded)")
            Point latest,

            @Schema(nullable = true, description = "Null without baseline and later value, or for non-change measures")
            Change change,

            @Schema(
                    nullable = true,
                    description = "Why change is not computed (PGIC, STarT Back)",
                    maxLength = InstrumentLimits.CHANGE_NOTE)
            String changeNote,

            @Schema(
                    nullable = true,
                    description = "Responder now (PGIC: latest answer much/very much improved); null when undefined")
            Boolean responder,

            @Schema(nullable = true, description = "First assessment meeting the responder rule")
            FirstResponse firstResponse) {}

    @Schema(name = "ProgressPoint")
    public record Point(
            UUID assessmentId,
            OffsetDateTime answeredAt,

            @Schema(examples = "PRE_SESSION", maxLength = 16)
            String timepoint,

            @Schema(nullable = true) UUID sessionId,

            @Schema(nullable = true, minimum = "1", maximum = "2147483647")
            Integer sessionNumber,

            @Schema(nullable = true, minimum = "1", maximum = "520")
            Integer followUpWeeks,

            @Schema(examples = "66.6667") BigDecimal score,
            @Schema(examples = "200/3", maxLength = 100) String scoreExact) {}

    @Schema(
            name = "Change",
            description = "Change and MCID flags (docs/scoring.md#change-and-responders); a flag is"
                    + " null when its rule does not apply or its input is undefined")
    public record Change(
            @Schema(description = "follow-up - baseline, signed", examples = "-20")
            BigDecimal change,

            @Schema(description = "positive = better", examples = "20")
            BigDecimal improvement,

            @Schema(
                    nullable = true,
                    description = "improvement / baseline x 100; null at baseline 0 or for T-scores",
                    examples = "30")
            BigDecimal percentImprovement,

            @Schema(nullable = true) Boolean responderAbsolute,
            @Schema(nullable = true) Boolean responderRelative,
            @Schema(nullable = true) Boolean deteriorationAbsolute,
            @Schema(nullable = true) Boolean deteriorationRelative,
            @Schema(nullable = true) Boolean responder,
            @Schema(nullable = true) Boolean improvedAtLeast30Percent,
            @Schema(nullable = true) Boolean improvedAtLeast50Percent) {}

    @Schema(name = "FirstResponse")
    public record FirstResponse(
            UUID assessmentId,
            OffsetDateTime answeredAt,

            @Schema(
                    description = "Sessions held before that assessment",
                    examples = "4",
                    minimum = "0",
                    maximum = "2147483647")
            int sessionsBefore) {}

    @Schema(name = "WithinSessionChange", description = "Post-session pain rating against the pre-session one")
    public record WithinSession(
            UUID sessionId,

            @Schema(nullable = true, minimum = "1", maximum = "2147483647")
            Integer sessionNumber,

            @Schema(examples = "NRS_BACK_PAIN", maxLength = InstrumentLimits.CODE)
            String instrumentCode,

            @Schema(nullable = true) UUID preAssessmentId,
            @Schema(nullable = true) UUID postAssessmentId,
            @Schema(nullable = true, examples = "7") BigDecimal pre,
            @Schema(nullable = true, examples = "4") BigDecimal post,
            @Schema(nullable = true) Change change,

            @Schema(description = "The post-session answer came after the window", examples = "false")
            boolean postLate) {}
}
