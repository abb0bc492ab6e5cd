package org.meridian.outcomes.scoring.result;

/** Provisional ISS groups (docs/scoring.md#nih-iss): 8-27 MILD, 28-34 MODERATE, 35-50 SEVERE. */
public enum IssGroup {
    MILD,
    MODERATE,
    SEVERE;

    public static final int MINIMUM_TOTAL = 8;
    public static final int MAXIMUM_TOTAL = 50;
    private static final int MILD_MAX = 27;
    private static final int MODERATE_MAX = 34;

    public static IssGroup forTotal(int total) {
        if (total < MINIMUM_TOTAL || total > MAXIMUM_TOTAL) {
            throw new IllegalArgumentException("ISS total must be 8..50, was " + total);
        }
        if (total <= MILD_MAX) {
            return MILD;
        }
        return total <= MODERATE_MAX ? MODERATE : SEVERE;
    }
}
