package org.meridian.platform.web.problem;

import java.util.List;

/** An update arrived without the If-Match header that protects it from overwriting someone else's change (428). */
public class PreconditionRequiredException extends ProblemException {

    public PreconditionRequiredException() {
        super(
                CommonProblem.PRECONDITION_REQUIRED,
                "Send If-Match with the ETag of the version you read, so you cannot overwrite someone else's change",
                List.of());
    }
}
