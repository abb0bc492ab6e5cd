package org.meridian.outcomes.research.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.outcomes.research.ResearchAggregateService;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;

/**
 * A cohort aggregate as the complete table: the total, every group, the margins between them and the dose bands of
 * each, listed whatever the data, with small cells and what could narrow them suppressed.
 */
@Schema(description = """
        Cohort aggregate over consenting patient-episodes: every group of each groupBy dimension and every dose band is
        listed, empty or not; a cell of fewer than k patients, and any cell that could narrow one, is suppressed""")
public record AggregateResponse(
        @Schema(maxLength = InstrumentLimits.CODE) String instrument,
        @Schema(maxLength = InstrumentLimits.VERSION) String instrumentVersion,

        @Schema(
                nullable = true,
                description = "the follow-up timepoint in weeks, null for the latest non-POST_SESSION assessment",
                minimum = "0",
                maximum = "520")
        Integer followUpWeeks,

        @Schema(description = "k: a shown cell has at least k patients", minimum = "1", maximum = "1000")
        int minCellSize,

        @Schema(
                type = SchemaType.ARRAY,
                implementation = GroupKey.class,
                maxItems = ResearchParams.MAX_GROUP_BY,
                description = "The groupBy dimensions, by the key each group's object uses for them")
        List<String> groupBy,

        CellResponse total,

        @Schema(
                description =
                        "one cell per combination of the groupBy dimensions' groups (NOT_RECORDED included), empty ones too",
                maxItems = ResearchAggregateService.MAX_CELLS)
        List<CellResponse> groups,

        @Schema(description = """
                with two or more groupBy dimensions, the margins: one cell per combination of the groups of each proper
                subset of them (for example each sex, and each age band, of a sex by age band table)""", maxItems = ResearchAggregateService.MAX_CELLS)
        List<CellResponse> subtotals) {
    /** A groupBy dimension as the response names it: the key of a cell's {@code group} object. */
    @Schema(
            name = "GroupKey",
            type = SchemaType.STRING,
            enumeration = {"clinicId", "painSites", "chronicity", "ageBand", "sex"},
            maxLength = 10)
    public static final class GroupKey {
        private GroupKey() {}
    }
}
