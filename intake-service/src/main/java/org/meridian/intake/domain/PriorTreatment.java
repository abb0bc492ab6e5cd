package org.meridian.intake.domain;

/** Treatments for this back pain tried before acupuncture. */
public enum PriorTreatment {
    PHYSIOTHERAPY,
    EXERCISE_THERAPY,
    CHIROPRACTIC_OR_OSTEOPATHY,
    MASSAGE,
    ACUPUNCTURE,
    MEDICATION,
    INJECTION,
    SURGERY,
    PSYCHOLOGICAL_THERAPY,
    OTHER
}
