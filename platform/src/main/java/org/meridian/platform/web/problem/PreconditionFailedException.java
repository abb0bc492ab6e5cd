package org.meridian.platform.web.problem;

import java.util.List;

/** The client's If-Match does not name the current version: someone else changed the object first (412). */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        super(CommonProblem.PRECONDITION_FAILED, detail, List.of());
    }

    public static PreconditionFailedException staleVersion(String resourceType, long expected, long current) {
        return new PreconditionFailedException("The " + resourceType + " was changed by someone else: you sent version "
                + expected + " but it is now at version " + current + "; read it again and reapply your change");
    }
}
