package org.meridian.platform.web.problem;

import java.util.List;

/**
 * A well-formed request that cannot be applied (422, nothing stored): a field refers to something that does not
 * exist here, breaks a rule that depends on stored data, or holds answers that cannot be scored.
 */
public class UnprocessableException extends ProblemException {

    public UnprocessableException(String detail, List<FieldProblem> problems) {
        super(CommonProblem.UNPROCESSABLE, detail, problems);
    }

    /** One field at fault; the detail names it. */
    public UnprocessableException(String field, ErrorCode code, String message) {
        this("Field '" + field + "' " + message, List.of(new FieldProblem(field, code, message)));
    }
}
