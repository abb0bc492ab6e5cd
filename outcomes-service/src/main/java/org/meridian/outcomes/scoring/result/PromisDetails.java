package org.meridian.outcomes.scoring.result;

import java.math.BigDecimal;

/** PROMIS short form: raw sum, the T-score and its standard error from the conversion table, and severity. */
public record PromisDetails(int rawScore, BigDecimal tScore, BigDecimal standardError, PromisSeverity severity)
        implements ScoreDetails {}
