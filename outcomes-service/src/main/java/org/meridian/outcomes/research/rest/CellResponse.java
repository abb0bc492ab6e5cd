package org.meridian.outcomes.research.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The statistics of one cell (the total, a group, a margin, or a dose band of one). When {@code suppressed}, every
 * statistic is null, whether the cell is small, empty, or hidden so that another cannot be narrowed: the response
 * does not say which. Numbers are rounded half-up to 4 decimals.
 */
@Schema(
        description =
                "Statistics of one cell; all null when suppressed (small, empty, or hidden to protect another: not said which)")
public record CellResponse(
        @Schema(
                description = "the group's values by dimension (empty for the total)",
                additionalProperties = GroupValue.class)
        Map<String, String> group,

        @Schema(
                nullable = true,
                description =
                        "dose band (sessions held by the follow-up): 0, 1-3, 4-6, 7-9, 10-12, 13+; null for all sessions",
                maxLength = 5)
        String sessions,

        boolean suppressed,

        @Schema(
                nullable = true,
                description = "patient-episodes (units) in the cell",
                minimum = "0",
                maximum = "9223372036854775807")
        Long patientEpisodes,

        @Schema(nullable = true) MeanResponse baseline,
        @Schema(nullable = true) MeanResponse followUp,
        @Schema(nullable = true) MeanResponse change,

        @Schema(nullable = true, description = "standardized response mean: mean change / SD of change")
        BigDecimal standardizedResponseMean,

        @Schema(nullable = true, description = "effect size: mean change / SD at baseline")
        BigDecimal effectSize,

        @Schema(
                nullable = true,
                description =
                        "improvement >= the instrument's absolute MCID; null when fewer than k episodes meet the rule or fewer than k do not")
        RateResponse responderMcid,

        @Schema(
                nullable = true,
                description = "improvement >= 30 % of baseline (Ostelo; IMMPACT moderate); null as responderMcid")
        RateResponse improved30Percent,

        @Schema(
                nullable = true,
                description = "improvement >= 50 % of baseline (IMMPACT substantial); null as responderMcid")
        RateResponse improved50Percent,

        @Schema(nullable = true, description = "worsening >= MCID or >= 30 %; null as responderMcid")
        RateResponse deterioration,

        @Schema(
                nullable = true,
                description =
                        "change by number of sessions received, every band listed (only on groups, margins and the total)",
                maxItems = 6)
        List<CellResponse> doseResponse) {

    @Schema(description = "Mean, sample SD and (for change) the 95 % t confidence interval of the mean")
    public record MeanResponse(
            @Schema(nullable = true) BigDecimal mean,
            @Schema(nullable = true) BigDecimal sd,
            @Schema(nullable = true) BigDecimal ciLower,
            @Schema(nullable = true) BigDecimal ciUpper) {}

    @Schema(
            description =
                    "A proportion with its 95 % Wilson score interval; n counts patient-episodes where the rule is defined")
    public record RateResponse(
            @Schema(minimum = "0", maximum = "9223372036854775807")
            long n,

            @Schema(nullable = true) BigDecimal rate,
            @Schema(nullable = true) BigDecimal ciLower,
            @Schema(nullable = true) BigDecimal ciUpper) {}

    /** The value type of {@code group}: a group of its dimension (a clinic id, or one of the dimension's values). */
    @Schema(
            name = "GroupValue",
            type = SchemaType.STRING,
            maxLength = 200,
            description = "A clinic id, NOT_RECORDED, or a value of the dimension (a pain-site set is stored in 200"
                    + " characters at most)")
    public interface GroupValue {}
}
