package org.meridian.intake.domain;

/** Where a point was needled: one side, both, or the unpaired midline point (GV, CV and a few extra points). */
public enum NeedleSide {
    LEFT,
    RIGHT,
    BILATERAL,
    MIDLINE
}
