package org.meridian.outcomes.domain.visit12;

/** The visit-12 check's reading of US Medicare NCD 30.3.3 for chronic low back pain. */
public enum Visit12Decision {
    /** The initial course (fewer than 12 sessions, within 90 days of the first) goes on; nothing has deteriorated. */
    INITIAL_COURSE_CONTINUES,
    /** Improvement documented by the MCID rules and no worsening: up to 8 more sessions may be justified. */
    ADDITIONAL_SESSIONS_SUPPORTED,
    /** The initial course ended and no measure met its responder rule: treatment should be discontinued. */
    NOT_IMPROVING,
    /** A measure deteriorated by its MCID (or PGIC much/very much worse), at any point: discontinue, review now. */
    REGRESSING,
    /** The initial course ended without a baseline and later value of any change measure. */
    INSUFFICIENT_DATA,
    /** The annual cap is reached: no further session is covered, whatever the state of the course. */
    ANNUAL_CAP_REACHED
}
