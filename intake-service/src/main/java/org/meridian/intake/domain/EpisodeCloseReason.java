package org.meridian.intake.domain;

/** Why a course of care ended. */
public enum EpisodeCloseReason {
    COURSE_COMPLETED,
    GOALS_MET,
    NOT_IMPROVING,
    WORSENING,
    PATIENT_CHOICE,
    ADVERSE_EVENT,
    REFERRED_ON,
    LOST_TO_FOLLOW_UP,
    OTHER
}
