package org.meridian.intake.domain;

/** Style of acupuncture (STRICTA item 1a). */
public enum AcupunctureStyle {
    TRADITIONAL_CHINESE,
    JAPANESE,
    KOREAN,
    FIVE_ELEMENT,
    WESTERN_MEDICAL,
    TRIGGER_POINT,
    AURICULAR,
    OTHER
}
