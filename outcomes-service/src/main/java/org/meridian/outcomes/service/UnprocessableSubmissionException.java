package org.meridian.outcomes.service;

import java.util.List;

/** Well-formed but not acceptable, e.g. answers that cannot be scored under the policy: 422, nothing stored. */
public class UnprocessableSubmissionException extends RuntimeException {

    private final List<FieldProblem> problems;

    public UnprocessableSubmissionException(String detail, List<FieldProblem> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
