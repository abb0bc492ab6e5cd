package org.meridian.platform.web.problem;

import java.util.List;
import java.util.stream.Collectors;

/** The request breaks a rule of the API that bean validation cannot state (400 validation-error, naming fields). */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(List<FieldProblem> problems) {
        super(CommonProblem.VALIDATION_ERROR, describe(problems), problems);
    }

    public InvalidRequestException(String field, ErrorCode code, String message) {
        this(List.of(new FieldProblem(field, code, message)));
    }

    /** "1 field is invalid: name", "2 fields are invalid: a, b": the same detail as bean validation's. */
    public static String describe(List<FieldProblem> problems) {
        String fields = problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        return problems.size() == 1
                ? "1 field is invalid: " + fields
                : problems.size() + " fields are invalid: " + fields;
    }
}
