package org.meridian.outcomes.scoring.result;

import java.math.BigDecimal;

/**
 * Oswestry result: {@code percent = total / maximumPossible x 100}, where {@code total} is the sum of the section
 * scores and {@code maximumPossible} is 5 x the sections answered (45 when one section is missing). {@code percent}
 * is exact, or 20 decimal places when its decimal expansion does not end; the score's exact value keeps the fraction.
 */
public record OdiDetails(int total, int sectionsAnswered, int maximumPossible, BigDecimal percent, OdiBand category)
        implements ScoreDetails {}
