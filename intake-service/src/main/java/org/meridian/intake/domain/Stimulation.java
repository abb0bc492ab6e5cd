package org.meridian.intake.domain;

/** How needles were stimulated (STRICTA item 2e); electro-acupuncture records its frequency. */
public enum Stimulation {
    MANUAL,
    ELECTRO
}
