package org.meridian.intake.service;

/** The request is valid but conflicts with the current state of the patient's record (HTTP 409). */
public class ConflictException extends RuntimeException {

    /** Why; each reason is a distinct, documented problem type. */
    public enum Reason {
        /** A positive red flag awaits a practitioner's acknowledgement: refer before needling. */
        RED_FLAG_UNACKNOWLEDGED,
        /** No current treatment consent. */
        TREATMENT_CONSENT_REQUIRED,
        /** No intake assessment (with its red-flag screening) has been recorded. */
        INTAKE_ASSESSMENT_REQUIRED,
        /** The object's state does not allow the requested change. */
        INVALID_STATE,
        /** Another object already holds a value that must be unique. */
        DUPLICATE
    }

    private final Reason reason;
    private final String field;

    public ConflictException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ConflictException(Reason reason, String message, String field) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field that collides, when there is one. */
    public String field() {
        return field;
    }
}
