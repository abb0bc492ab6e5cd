package org.meridian.intake.domain;

/** Why a session record was cancelled. */
public enum SessionCancelReason {
    PATIENT_CANCELLED,
    PATIENT_DID_NOT_ATTEND,
    CLINIC_CANCELLED,
    RECORDED_IN_ERROR,
    OTHER
}
