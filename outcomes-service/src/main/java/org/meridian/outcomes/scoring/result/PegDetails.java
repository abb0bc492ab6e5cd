package org.meridian.outcomes.scoring.result;

import java.math.BigDecimal;

/** PEG-3: the mean of the three 0..10 items; {@code mean} is 20 decimal places when it does not end (11/3). */
public record PegDetails(int itemSum, BigDecimal mean) implements ScoreDetails {}
