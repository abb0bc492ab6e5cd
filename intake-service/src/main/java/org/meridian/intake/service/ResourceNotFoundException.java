package org.meridian.intake.service;

/** Thrown when an object does not exist, or exists but the caller may not know it does. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resourceType, Object id) {
        super("No " + resourceType + " with id " + id);
    }
}
