package org.meridian.intake.domain;

/** Adverse events after needling. */
public enum AdverseEventType {
    BRUISING,
    BLEEDING,
    SORENESS,
    DIZZINESS_SYNCOPE,
    OTHER
}
