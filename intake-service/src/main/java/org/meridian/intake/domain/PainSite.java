package org.meridian.intake.domain;

/** Where the back pain is; sciatica (radiating leg pain) carries its side. Same values as on the event feed. */
public enum PainSite {
    LOW_BACK,
    UPPER_BACK,
    SCIATICA_LEFT,
    SCIATICA_RIGHT,
    SCIATICA_BILATERAL
}
