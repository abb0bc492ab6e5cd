package org.meridian.platform.web.problem;

import java.util.List;

/**
 * The request is valid but conflicts with the current state (409). A service names a domain reason with its own
 * problem kind of status 409 (intake's refer-before-needling); otherwise the kind is {@link CommonProblem#CONFLICT}.
 */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        this(CommonProblem.CONFLICT, detail);
    }

    public ConflictException(ProblemKind kind, String detail) {
        super(requireStatus(kind), detail, List.of());
    }

    /** A conflict about one request field (a value that must be unique, ...). */
    public ConflictException(ProblemKind kind, String detail, String field, ErrorCode code) {
        super(requireStatus(kind), detail, List.of(new FieldProblem(field, code, detail)));
    }

    private static ProblemKind requireStatus(ProblemKind kind) {
        if (kind.status() != 409) {
            throw new IllegalArgumentException(kind + " is not a 409 problem kind");
        }
        return kind;
    }
}
