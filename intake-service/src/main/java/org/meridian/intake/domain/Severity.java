package org.meridian.intake.domain;

/** Severity of an adverse event. */
public enum Severity {
    MILD,
    MODERATE,
    SEVERE
}
