package org.meridian.intake.domain;

/** Needle material (STRICTA item 2g). */
public enum NeedleMaterial {
    STAINLESS_STEEL,
    GOLD,
    SILVER,
    COPPER,
    OTHER
}
