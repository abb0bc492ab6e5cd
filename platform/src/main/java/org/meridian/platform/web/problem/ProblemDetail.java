package org.meridian.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, extended with the request id and the list of bad fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record ProblemDetail(
        @Schema(examples = "urn:meridian:problem:validation-error")
        String type,

        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "1 field is invalid: name") String detail,

        @Schema(examples = {"/api/v1/intake/clinics", "/api/v1/outcomes/assessments"})
        String instance,

        @Schema(examples = "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12")
        String requestId,

        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", description = "One invalid field")
    public record FieldError(
            @Schema(
                    required = true,
                    description = "JSON path of the field, or the query/path parameter name",
                    examples = "name")
            String field,

            @Schema(
                    required = true,
                    description = "Why the field was refused, for programs (docs/conventions.md lists the codes)",
                    examples = "required")
            ErrorCode code,

            @Schema(
                    required = true,
                    description = "Why the field was refused, in words; may change",
                    examples = "must not be blank")
            String message) {

        public FieldError {
            Objects.requireNonNull(code, "every error entry has a code");
        }

        public static FieldError of(FieldProblem problem) {
            return new FieldError(problem.field(), problem.code(), problem.message());
        }
    }
}
