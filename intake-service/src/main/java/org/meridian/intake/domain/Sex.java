package org.meridian.intake.domain;

/** Administrative sex as recorded at registration; published to outcomes for cohort analyses. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
