package org.meridian.outcomes.scoring.result;

import java.math.BigDecimal;

/**
 * PROMIS short form: {@code total} is the raw sum of the items, with the T-score and its standard error from the
 * conversion table, and the severity category of the T-score.
 */
public record PromisDetails(int total, BigDecimal tScore, BigDecimal standardError, PromisSeverity category)
        implements ScoreDetails {}
