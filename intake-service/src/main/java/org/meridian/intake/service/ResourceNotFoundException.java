package org.meridian.intake.rest.problem;

import java.util.UUID;

/** Thrown when an object does not exist, or exists but the caller may not know it does. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resourceType, UUID id) {
        super("No " + resourceType + " with id " + id);
    }
}
