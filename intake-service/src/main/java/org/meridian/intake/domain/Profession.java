package org.meridian.intake.domain;

/** Professional background of a practitioner (STRICTA item 5). */
public enum Profession {
    ACUPUNCTURIST,
    PHYSICIAN,
    PHYSIOTHERAPIST,
    CHIROPRACTOR,
    NURSE,
    OSTEOPATH,
    OTHER
}
