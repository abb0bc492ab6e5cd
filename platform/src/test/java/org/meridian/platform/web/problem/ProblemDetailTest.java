package org.meridian.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meridian.platform.web.problem.ProblemDetail.FieldError;

/** A problem document keeps to the lengths its schema declares, whatever of the request it echoes. */
class ProblemDetailTest {

    @Test
    void cutsEchoedTextsAndTheListOfErrorsAtTheDeclaredBounds() {
        String longPath = "/api/v1/intake/clinics/" + "x".repeat(5000);
        List<FieldError> errors =
                Collections.nCopies(150, new FieldError("p".repeat(900), ErrorCode.TOO_LONG, "m".repeat(3000)));

        ProblemDetail problem = new ProblemDetail(
                "urn:meridian:problem:validation-error",
                "Invalid request",
                400,
                "d".repeat(4000),
                longPath,
                "r".repeat(300),
                errors);

        assertThat(problem.detail()).hasSize(ProblemDetail.MAX_TEXT);
        assertThat(problem.instance()).hasSize(ProblemDetail.MAX_TEXT).startsWith("/api/v1/intake/clinics/");
        assertThat(problem.requestId()).hasSize(ProblemDetail.MAX_REQUEST_ID);
        assertThat(problem.errors()).hasSize(ProblemDetail.MAX_ERRORS);
        assertThat(problem.errors().getFirst().field()).hasSize(ProblemDetail.MAX_FIELD);
        assertThat(problem.errors().getFirst().message()).hasSize(ProblemDetail.MAX_TEXT);
    }

    @Test
    void keepsShortTextsAndNoErrorsAsTheyAre() {
        ProblemDetail problem = new ProblemDetail("t", "title", 404, "detail", "/x", null, null);
        assertThat(problem).isEqualTo(new ProblemDetail("t", "title", 404, "detail", "/x", null, null));
        assertThat(problem.errors()).isNull();
        assertThat(problem.requestId()).isNull();
    }
}
