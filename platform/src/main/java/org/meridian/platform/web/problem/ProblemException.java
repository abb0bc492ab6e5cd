package org.meridian.platform.web.problem;

import java.util.List;

/**
 * A failure the client can act on, answered as a problem document of its {@link #kind()} (on /fhir paths, as an
 * OperationOutcome of the same status). The message is the problem's detail.
 */
public abstract class ProblemException extends RuntimeException {

    private final transient ProblemKind kind;
    private final List<FieldProblem> problems;

    protected ProblemException(ProblemKind kind, String detail, List<FieldProblem> problems) {
        super(detail);
        this.kind = kind;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public ProblemKind kind() {
        return kind;
    }

    /** The request fields at fault, if any. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
