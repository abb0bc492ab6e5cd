package org.meridian.outcomes.scoring.result;

import java.util.Objects;

/**
 * NIH Impact Stratification Score: {@code total = physicalFunction + painInterference + painIntensity} (8..50), where
 * the physical function items are reverse-scored 6 - x.
 */
public record IssDetails(int total, Subscales subscales, IssGroup category) implements ScoreDetails {

    public IssDetails {
        Objects.requireNonNull(subscales, "subscales");
    }

    public IssDetails(int total, int physicalFunction, int painInterference, int painIntensity, IssGroup category) {
        this(total, new Subscales(physicalFunction, painInterference, painIntensity), category);
    }

    /**
     * @param physicalFunction the four PROMIS physical function items reverse-scored (6 - x), 4..20, higher = worse
     * @param painInterference the four PROMIS pain interference items, 4..20
     * @param painIntensity the 0..10 average pain intensity
     */
    public record Subscales(int physicalFunction, int painInterference, int painIntensity) {}
}
