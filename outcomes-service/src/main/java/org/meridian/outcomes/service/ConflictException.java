package org.meridian.outcomes.service;

/** The request conflicts with the current state (a replay with a different body, a change to a scored assessment). */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
