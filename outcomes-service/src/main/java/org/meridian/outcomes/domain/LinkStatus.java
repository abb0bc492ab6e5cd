package org.meridian.outcomes.domain;

/**
 * Whether the patient, episode and session an assessment refers to are known from intake's events. A submission
 * is never refused because an event has not arrived yet: it is kept as PENDING and linked when the events come.
 */
public enum LinkStatus {
    /** Every reference is known and consistent. */
    LINKED,
    /** The patient or a referenced session or episode has not been seen in intake's feed yet. */
    PENDING,
    /** Intake's events contradict the submission (e.g. the session belongs to another patient); kept for review. */
    MISMATCH
}
