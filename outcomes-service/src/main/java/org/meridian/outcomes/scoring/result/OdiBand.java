package org.meridian.outcomes.scoring.result;

import java.math.BigDecimal;
import org.meridian.outcomes.scoring.math.Rational;

/** ODI bands, upper bounds inclusive (docs/scoring.md#odi): <=20, <=40, <=60, <=80, >80. */
public enum OdiBand {
    MINIMAL,
    MODERATE,
    SEVERE,
    CRIPPLED,
    BED_BOUND_OR_EXAGGERATING;

    private static final BigDecimal MINIMAL_MAX = BigDecimal.valueOf(20);
    private static final BigDecimal MODERATE_MAX = BigDecimal.valueOf(40);
    private static final BigDecimal SEVERE_MAX = BigDecimal.valueOf(60);
    private static final BigDecimal CRIPPLED_MAX = BigDecimal.valueOf(80);

    public static OdiBand forPercent(Rational percent) {
        if (percent.isAtMost(MINIMAL_MAX)) {
            return MINIMAL;
        }
        if (percent.isAtMost(MODERATE_MAX)) {
            return MODERATE;
        }
        if (percent.isAtMost(SEVERE_MAX)) {
            return SEVERE;
        }
        if (percent.isAtMost(CRIPPLED_MAX)) {
            return CRIPPLED;
        }
        return BED_BOUND_OR_EXAGGERATING;
    }

    public static OdiBand forPercent(BigDecimal percent) {
        return forPercent(Rational.of(percent));
    }
}
