package org.meridian.outcomes.scoring.result;

import java.math.BigDecimal;

/**
 * PROMIS Pain Interference severity (docs/scoring.md#promis-pain-interference-4a): T <= 55, 55 < T <= 60, 60 < T <=
 * 70, T > 70.
 */
public enum PromisSeverity {
    WITHIN_NORMAL_LIMITS,
    MILD,
    MODERATE,
    SEVERE;

    private static final BigDecimal NORMAL_MAX = BigDecimal.valueOf(55);
    private static final BigDecimal MILD_MAX = BigDecimal.valueOf(60);
    private static final BigDecimal MODERATE_MAX = BigDecimal.valueOf(70);

    public static PromisSeverity forTScore(BigDecimal tScore) {
        if (tScore.compareTo(NORMAL_MAX) <= 0) {
            return WITHIN_NORMAL_LIMITS;
        }
        if (tScore.compareTo(MILD_MAX) <= 0) {
            return MILD;
        }
        if (tScore.compareTo(MODERATE_MAX) <= 0) {
            return MODERATE;
        }
        return SEVERE;
    }
}
