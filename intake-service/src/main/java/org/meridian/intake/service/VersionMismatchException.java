package org.meridian.intake.service;

/** The caller's If-Match names a version that is no longer current: someone else changed the object (HTTP 412). */
public class VersionMismatchException extends RuntimeException {

    public VersionMismatchException(String resourceType, long expected, long current) {
        super("The " + resourceType + " was changed by someone else: you sent version " + expected
                + " but it is now at version " + current + "; read it again and reapply your change");
    }
}
