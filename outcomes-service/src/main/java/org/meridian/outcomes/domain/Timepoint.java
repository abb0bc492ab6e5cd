package org.meridian.outcomes.domain;

/** When, in a course of care, an assessment was answered. */
public enum Timepoint {
    /** Before treatment starts. */
    BASELINE,
    /** Just before a session (needs the session id). */
    PRE_SESSION,
    /** Just after a session (needs the session id); later than the post-session window it is flagged late. */
    POST_SESSION,
    /** A scheduled follow-up, a number of weeks after the episode's start. */
    FOLLOW_UP,
    /** Outside any schedule. */
    AD_HOC;

    public boolean needsSession() {
        return this == PRE_SESSION || this == POST_SESSION;
    }
}
