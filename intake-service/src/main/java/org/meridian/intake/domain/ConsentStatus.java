package org.meridian.intake.domain;

/** A consent is current until withdrawn or replaced by a newer one of the same kind. */
public enum ConsentStatus {
    ACTIVE,
    WITHDRAWN,
    SUPERSEDED
}
