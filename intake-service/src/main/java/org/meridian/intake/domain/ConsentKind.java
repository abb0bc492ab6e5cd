package org.meridian.intake.domain;

/** What a consent covers: being treated, or use of the patient's de-identified data for research. */
public enum ConsentKind {
    TREATMENT,
    RESEARCH
}
