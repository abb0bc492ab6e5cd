package org.meridian.platform.web.problem;

import java.util.List;

/** Thrown when an object does not exist, or exists but the caller may not know it does (404). */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String resourceType, Object id) {
        super(CommonProblem.NOT_FOUND, "No " + resourceType + " with id " + id, List.of());
    }
}
