package org.meridian.outcomes.service;

/** The client's If-Match does not name the current version: someone else changed the object first. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
