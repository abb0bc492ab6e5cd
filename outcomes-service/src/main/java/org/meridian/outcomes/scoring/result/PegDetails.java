package org.meridian.outcomes.scoring.result;

import java.math.BigDecimal;

/**
 * PEG-3: {@code total} is the sum of the three 0..10 items, {@code mean} their mean (the score), 20 decimal places when
 * it does not end (11/3).
 */
public record PegDetails(int total, BigDecimal mean) implements ScoreDetails {}
