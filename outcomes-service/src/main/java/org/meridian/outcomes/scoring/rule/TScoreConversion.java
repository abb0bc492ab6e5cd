package org.meridian.outcomes.scoring.rule;

import java.math.BigDecimal;
import java.util.Objects;

/** One row of a PROMIS raw-score to T-score conversion table. */
public record TScoreConversion(int rawScore, BigDecimal tScore, BigDecimal standardError) {

    public TScoreConversion {
        Objects.requireNonNull(tScore, "tScore");
        Objects.requireNonNull(standardError, "standardError");
    }

    public static TScoreConversion of(int rawScore, String tScore, String standardError) {
        return new TScoreConversion(rawScore, new BigDecimal(tScore), new BigDecimal(standardError));
    }
}
