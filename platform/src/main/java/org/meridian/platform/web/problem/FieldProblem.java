package org.meridian.platform.web.problem;

import java.util.Objects;

/**
 * One rejected field of a request, named by its JSON path ("answers.odi_04_walking", "sessionId"), with the
 * machine-readable reason and a message in words.
 */
public record FieldProblem(String field, ErrorCode code, String message) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
