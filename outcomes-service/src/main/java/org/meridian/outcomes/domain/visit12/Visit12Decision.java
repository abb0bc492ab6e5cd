package org.meridian.outcomes.domain.visit12;

/** The visit-12 check's reading of US Medicare NCD 30.3.3 for chronic low back pain. */
public enum Visit12Decision {
    /** Fewer than 12 sessions so far and still within 90 days of the first: the initial course continues. */
    INITIAL_COURSE_CONTINUES,
    /** Improvement documented by the MCID rules and no worsening: up to 8 more sessions may be justified. */
    ADDITIONAL_SESSIONS_SUPPORTED,
    /** No measure met its responder rule: Medicare stops covering further sessions. */
    NOT_IMPROVING,
    /** A measure deteriorated by its MCID: treatment should stop. */
    REGRESSING,
    /** No baseline and later value of any change measure in the initial course. */
    INSUFFICIENT_DATA,
    /** Improvement is documented but the 20-sessions-a-year cap is reached. */
    ANNUAL_CAP_REACHED
}
