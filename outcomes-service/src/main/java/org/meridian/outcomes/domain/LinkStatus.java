package org.meridian.outcomes.domain;

/**
 * Whether the patient, episode and session an assessment refers to are known from intake's events. A submission
 * is never refused because an event has not arrived yet: it is kept as PENDING and linked when the events come (one
 * about a pseudonym intake says it never issued is refused instead). PENDING that waits longer than
 * {@code meridian.outcomes.pending-link.expiry} becomes EXPIRED.
 */
public enum LinkStatus {
    /** Every reference is known and consistent. */
    LINKED,
    /** The patient or a referenced session or episode has not been seen in intake's feed yet. */
    PENDING,
    /** Intake's events contradict the submission (e.g. the session belongs to another patient); kept for review. */
    MISMATCH,
    /**
     * Still unknown after the pending window: no longer waited for and reported to operators, but kept (and linked
     * after all if intake's events ever arrive).
     */
    EXPIRED
}
