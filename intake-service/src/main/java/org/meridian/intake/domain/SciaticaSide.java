package org.meridian.intake.domain;

/** Side of radiating leg pain, as stored; the API speaks {@link PainSite}. */
public enum SciaticaSide {
    LEFT,
    RIGHT,
    BILATERAL
}
