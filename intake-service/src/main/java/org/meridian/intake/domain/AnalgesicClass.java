package org.meridian.intake.domain;

/** Drug class of a current analgesic. */
public enum AnalgesicClass {
    NSAID,
    PARACETAMOL,
    OPIOID,
    GABAPENTINOID,
    MUSCLE_RELAXANT,
    OTHER
}
