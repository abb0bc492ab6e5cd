package org.meridian.outcomes.research.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cohort aggregate as the complete table: the total, every group, the margins between them and the dose bands of
 * each, listed whatever the data, with small cells and what could narrow them suppressed.
 */
@Schema(description = """
        Cohort aggregate over consenting patient-episodes: every group of each groupBy dimension and every dose band is
        listed, empty or not; a cell of fewer than k patients, and any cell that could narrow one, is suppressed""")
public record AggregateResponse(
        String instrument,
        String instrumentVersion,

        @Schema(
                nullable = true,
                description = "the follow-up timepoint in weeks, null for the latest non-POST_SESSION assessment")
        Integer followUpWeeks,

        @Schema(description = "k: a shown cell has at least k patients")
        int minCellSize,

        List<String> groupBy,
        CellResponse total,

        @Schema(
                description =
                        "one cell per combination of the groupBy dimensions' groups (NOT_RECORDED included), empty ones too")
        List<CellResponse> groups,

        @Schema(description = """
                with two or more groupBy dimensions, the margins: one cell per combination of the groups of each proper
                subset of them (for example each sex, and each age band, of a sex by age band table)""") List<CellResponse> subtotals) {}
