package org.meridian.outcomes.rest.dto;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;

@Schema(
        name = "Trajectory",
        description = "Per-instrument score time series, oldest first, ready to plot",
        examples = """
                {"pseudonymId": "9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c", "episodeId": null,
                 "series": [{"instrumentCode": "NRS_BACK_PAIN", "instrumentVersion": "1.0", "title": "Back pain intensity (NRS 0-10)",
                   "direction": "HIGHER_IS_WORSE", "points": [
                   {"assessmentId": "0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b", "answeredAt": "2026-10-01T08:30:00Z",
                    "timepoint": "BASELINE", "sessionId": null, "sessionNumber": null, "followUpWeeks": null,
                    "recallPeriod": "PAST_WEEK", "score": 7, "scoreExact": "7", "late": false},
                   {"assessmentId": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d", "answeredAt": "2026-10-05T08:55:00Z",
                    "timepoint": "PRE_SESSION", "sessionId": "7e6d5c4b-3a2f-4e1d-9c8b-7a6f5e4d3c2b", "sessionNumber": 1,
                    "followUpWeeks": null, "recallPeriod": "RIGHT_NOW", "score": 7, "scoreExact": "7", "late": false}]}]}""")
public record TrajectoryResponse(
        UUID pseudonymId,
        @Schema(nullable = true) UUID episodeId,
        @Schema(maxItems = InstrumentLimits.INSTRUMENTS) List<Series> series) {

    @Schema(name = "TrajectorySeries")
    public record Series(
            @Schema(examples = "NRS_BACK_PAIN", maxLength = InstrumentLimits.CODE)
            String instrumentCode,

            @Schema(examples = "1.0", maxLength = InstrumentLimits.VERSION)
            String instrumentVersion,

            @Schema(maxLength = InstrumentLimits.TITLE) String title,

            @Schema(
                    examples = "HIGHER_IS_WORSE",
                    enumeration = {"HIGHER_IS_WORSE", "HIGHER_IS_BETTER"})
            String direction,

            List<Point> points) {}

    @Schema(name = "TrajectoryPoint")
    public record Point(
            UUID assessmentId,
            OffsetDateTime answeredAt,

            @Schema(examples = "PRE_SESSION", maxLength = 16)
            String timepoint,

            @Schema(nullable = true) UUID sessionId,

            @Schema(
                    nullable = true,
                    description = "Session number in the episode, when intake reported it",
                    examples = "1",
                    minimum = "1",
                    maximum = "2147483647")
            Integer sessionNumber,

            @Schema(nullable = true, minimum = "1", maximum = "520")
            Integer followUpWeeks,

            @Schema(examples = "RIGHT_NOW", maxLength = 32) String recallPeriod,
            @Schema(nullable = true, examples = "7") BigDecimal score,

            @Schema(nullable = true, examples = "7", maxLength = 100)
            String scoreExact,

            boolean late) {}
}
