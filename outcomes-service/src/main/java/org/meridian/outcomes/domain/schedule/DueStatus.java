package org.meridian.outcomes.domain.schedule;

/** Where a scheduled questionnaire stands at a given moment. */
public enum DueStatus {
    /** Answered (a scored assessment exists). */
    DONE,
    /** Its window has not opened yet. */
    UPCOMING,
    /** Ask now: the window is open and the target time not yet passed. */
    DUE,
    /** Past the target but still worth asking (e.g. a post-session rating later than 2 hours is accepted, flagged late). */
    OVERDUE,
    /** The window has closed; asking now would not measure what the timepoint means. */
    MISSED
}
