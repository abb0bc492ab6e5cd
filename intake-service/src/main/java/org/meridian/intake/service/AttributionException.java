package org.meridian.intake.service;

/**
 * The caller may not be recorded as having done this (HTTP 403, naming the field): the body names someone else, or
 * the caller's sign-in is not linked to a practitioner of the clinic where one is needed.
 */
public class AttributionException extends RuntimeException {

    public enum Reason {
        /** A field says someone other than the caller did it, which the caller may not assert. */
        ACTING_FOR_ANOTHER,
        /** The operation records a practitioner, and the caller's token links none of this clinic's active ones. */
        PRACTITIONER_LINK_REQUIRED
    }

    private final Reason reason;
    private final String field;

    public AttributionException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
