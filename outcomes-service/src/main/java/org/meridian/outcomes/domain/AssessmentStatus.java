package org.meridian.outcomes.domain;

public enum AssessmentStatus {
    /** Scored under its instrument's policy; immutable. */
    SCORED,
    /** Saved explicitly as incomplete; no score until completed. */
    DRAFT
}
