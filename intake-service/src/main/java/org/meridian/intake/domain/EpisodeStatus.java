package org.meridian.intake.domain;

/** Life cycle of a course of care: PLANNED -> ACTIVE -> COMPLETED, or -> DISCONTINUED from PLANNED or ACTIVE. */
public enum EpisodeStatus {
    PLANNED,
    ACTIVE,
    COMPLETED,
    DISCONTINUED
}
