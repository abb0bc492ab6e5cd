package org.meridian.outcomes.research.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cohort aggregate: the total, each group, the margins between them, their dose-response bands, and what was suppressed and why. */
@Schema(description = "Cohort aggregate over consenting patient-episodes; cells below k patients and their complements are suppressed")
public record AggregateResponse(
        String instrument,
        String instrumentVersion,
        @Schema(nullable = true, description = "the follow-up timepoint in weeks, null for the latest non-POST_SESSION assessment") Integer followUpWeeks,
        @Schema(description = "k: the minimum number of patients a shown cell has") int minCellSize,
        List<String> groupBy,
        CellResponse total,
        @Schema(description = "one cell per combination of the groupBy values") List<CellResponse> groups,
        @Schema(description = """
                with two or more groupBy dimensions, the margins: one cell per combination of the values of each proper
                subset of them (for example each sex, and each age band, of a sex by age band table)""")
        List<CellResponse> subtotals,
        @Schema(description = "every suppressed cell with its reason, primary first") List<SuppressedCell> suppressedCells) {

    @Schema(description = "A suppressed cell, named by its group keys and dose band")
    public record SuppressedCell(String cell, String reason, String detail) {
    }
}
