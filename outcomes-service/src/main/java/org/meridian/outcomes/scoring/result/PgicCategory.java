package org.meridian.outcomes.scoring.result;

import java.util.Arrays;

/**
 * PGIC (7-point, CGI-derived) codes 1..7; codes 1-2 are clinically important improvement (Farrar 2001)
 * (docs/scoring.md#pgic).
 */
public enum PgicCategory {
    VERY_MUCH_IMPROVED(1),
    MUCH_IMPROVED(2),
    MINIMALLY_IMPROVED(3),
    NO_CHANGE(4),
    MINIMALLY_WORSE(5),
    MUCH_WORSE(6),
    VERY_MUCH_WORSE(7);

    private final int code;

    PgicCategory(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isClinicallyImportantImprovement() {
        return this == VERY_MUCH_IMPROVED || this == MUCH_IMPROVED;
    }

    public static PgicCategory forCode(int code) {
        return Arrays.stream(values())
                .filter(category -> category.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("PGIC code must be 1..7, was " + code));
    }
}
