package org.meridian.intake.service;

import java.util.List;
import org.meridian.intake.rest.problem.ProblemType;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.FieldProblem;
import org.meridian.platform.web.problem.ProblemException;

/**
 * The caller may not be recorded as having done this (HTTP 403, naming the field): the body names someone else, or
 * the caller's sign-in is not linked to a practitioner of the clinic where one is needed.
 */
public class AttributionException extends ProblemException {

    public enum Reason {
        /** A field says someone other than the caller did it, which the caller may not assert. */
        ACTING_FOR_ANOTHER(ProblemType.ACTING_FOR_ANOTHER, ErrorCode.NOT_ALLOWED),
        /** The operation records a practitioner, and the caller's token links none of this clinic's active ones. */
        PRACTITIONER_LINK_REQUIRED(ProblemType.PRACTITIONER_LINK_REQUIRED, ErrorCode.REQUIRED);

        private final ProblemType type;
        private final ErrorCode fieldCode;

        Reason(ProblemType type, ErrorCode fieldCode) {
            this.type = type;
            this.fieldCode = fieldCode;
        }
    }

    private final Reason reason;

    public AttributionException(Reason reason, String field, String message) {
        super(
                reason.type,
                message,
                field == null ? List.of() : List.of(new FieldProblem(field, reason.fieldCode, message)));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return problems().isEmpty() ? null : problems().getFirst().field();
    }
}
