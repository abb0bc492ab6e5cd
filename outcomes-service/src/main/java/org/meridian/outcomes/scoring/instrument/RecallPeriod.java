package org.meridian.outcomes.scoring.instrument;

/** The period an answer refers to. */
public enum RecallPeriod {
    /** The present moment, e.g. an NRS just before or after a session, or ODI statements about the current state. */
    RIGHT_NOW,
    TODAY,
    /** The past week, also phrased "in the past 7 days". */
    PAST_WEEK,
    PAST_2_WEEKS,
    SINCE_START_OF_TREATMENT
}
