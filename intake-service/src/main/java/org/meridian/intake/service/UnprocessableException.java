package org.meridian.intake.service;

/**
 * A well-formed request that cannot be applied: a field refers to something that does not exist in this clinic, or
 * breaks a rule that depends on stored data (HTTP 422, naming the field).
 */
public class UnprocessableException extends RuntimeException {

    private final String field;

    public UnprocessableException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
