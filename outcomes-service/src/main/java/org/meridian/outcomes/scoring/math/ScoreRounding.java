package org.meridian.outcomes.scoring.math;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding for API output only: stored and compared values stay unrounded (docs/scoring.md#exact-arithmetic). */
public final class ScoreRounding {

    /** docs/scoring.md#exact-arithmetic: the API returns scores rounded half-up to at least 4 decimals. */
    public static final int API_SCALE = 4;

    private ScoreRounding() {}

    /** 3.666... -> 3.6667, 35.55555... -> 35.5556, 40 -> 40.0000. */
    public static BigDecimal forApi(BigDecimal value) {
        return value == null ? null : value.setScale(API_SCALE, RoundingMode.HALF_UP);
    }

    /** Rounds the exact fraction directly (11/3 -> 3.6667, 1600/45 -> 35.5556), avoiding double rounding. */
    public static BigDecimal forApi(Rational value) {
        return value == null ? null : value.roundHalfUp(API_SCALE);
    }
}
