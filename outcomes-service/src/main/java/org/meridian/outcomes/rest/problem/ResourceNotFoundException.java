package org.meridian.outcomes.rest.problem;

import java.util.UUID;

/** Thrown when an object does not exist, or exists but the caller may not know it does. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resourceType, UUID id) {
        this(resourceType, String.valueOf(id));
    }

    public ResourceNotFoundException(String resourceType, String id) {
        super("No " + resourceType + " with id " + id);
    }
}
