package org.meridian.outcomes.scoring.result;

/**
 * STarT Back risk (docs/scoring.md#start-back): total <= 3 LOW; otherwise psychosocial subscale >= 4 HIGH; otherwise
 * MEDIUM.
 */
public enum StartBackRisk {
    LOW,
    MEDIUM,
    HIGH;

    private static final int LOW_TOTAL_MAX = 3;
    private static final int HIGH_SUBSCALE_MIN = 4;

    public static StartBackRisk of(int total, int psychosocialSubscale) {
        if (total <= LOW_TOTAL_MAX) {
            return LOW;
        }
        return psychosocialSubscale >= HIGH_SUBSCALE_MIN ? HIGH : MEDIUM;
    }
}
