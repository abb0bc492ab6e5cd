package org.meridian.outcomes.scoring.math;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding for output only: stored and compared values stay unrounded (docs/scoring.md#exact-arithmetic). Every score
 * the API returns has one form (docs/conventions.md#json): rounded half-up to at most 4 decimals, then written without
 * trailing zeros, so 7 is {@code 7} (never {@code 7.0000} or {@code 7.0}), a T-score of 52.0 is {@code 52}, 41.6 stays
 * {@code 41.6} and 11/3 is {@code 3.6667}. The exact value stays available as the fraction ({@code scoreExact}).
 */
public final class ScoreRounding {

    /** At most this many decimals in the API. */
    public static final int API_SCALE = 4;

    private ScoreRounding() {}

    /** 3.666... -> 3.6667, 35.55555... -> 35.5556, 40.0000 -> 40, 52.0 -> 52. */
    public static BigDecimal forApi(BigDecimal value) {
        return value == null ? null : shortest(value.setScale(API_SCALE, RoundingMode.HALF_UP));
    }

    /** Rounds the exact fraction directly (11/3 -> 3.6667, 1600/45 -> 35.5556), avoiding double rounding. */
    public static BigDecimal forApi(Rational value) {
        return value == null ? null : shortest(value.roundHalfUp(API_SCALE));
    }

    /** Without trailing zeros, and never in exponent form (40 stays 40, not 4E+1). */
    private static BigDecimal shortest(BigDecimal rounded) {
        BigDecimal stripped = rounded.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
