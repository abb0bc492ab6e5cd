package org.meridian.outcomes.scoring.result;

/**
 * NIH Impact Stratification Score: {@code total = physicalFunctionReversed + painInterference + painIntensity}
 * (8..50), where the physical function items are reverse-scored 6 - x.
 */
public record IssDetails(
        int total, int physicalFunctionReversed, int painInterference, int painIntensity, IssGroup group)
        implements ScoreDetails {}
