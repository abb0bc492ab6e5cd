package org.meridian.intake.domain;

/** A recorded session stays RECORDED unless it is cancelled (did not take place, or recorded in error). */
public enum SessionStatus {
    RECORDED,
    CANCELLED
}
