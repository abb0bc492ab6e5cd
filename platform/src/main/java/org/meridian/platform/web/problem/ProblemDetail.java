package org.meridian.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem document, extended with the request id and the list of bad fields. Its texts partly echo the
 * request (the path, a parameter's name), so each is cut at the length its schema declares and the list at
 * {@link #MAX_ERRORS}: the document's bounds hold whatever a caller sends.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record ProblemDetail(
        @Schema(examples = "urn:meridian:problem:validation-error", maxLength = MAX_TYPE)
        String type,

        @Schema(examples = "Invalid request", maxLength = MAX_TITLE)
        String title,

        @Schema(examples = "400", minimum = "400", maximum = "599")
        int status,

        @Schema(examples = "1 field is invalid: name", maxLength = MAX_TEXT)
        String detail,

        @Schema(
                examples = {"/api/v1/intake/clinics", "/api/v1/outcomes/assessments"},
                maxLength = MAX_TEXT)
        String instance,

        @Schema(examples = "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12", maxLength = MAX_REQUEST_ID)
        String requestId,

        @Schema(maxItems = MAX_ERRORS) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static final int MAX_TYPE = 100;
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 2000;
    static final int MAX_REQUEST_ID = 128;
    static final int MAX_FIELD = 500;
    static final int MAX_ERRORS = 100;

    public ProblemDetail {
        type = cut(type, MAX_TYPE);
        title = cut(title, MAX_TITLE);
        detail = cut(detail, MAX_TEXT);
        instance = cut(instance, MAX_TEXT);
        requestId = cut(requestId, MAX_REQUEST_ID);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
    }

    @Schema(name = "FieldError", description = "One invalid field")
    public record FieldError(
            @Schema(
                    required = true,
                    description = "JSON path of the field, or the query/path parameter name",
                    examples = "name",
                    maxLength = MAX_FIELD)
            String field,

            @Schema(
                    required = true,
                    description = "Why the field was refused, for programs (docs/conventions.md lists the codes)",
                    examples = "required")
            ErrorCode code,

            @Schema(
                    required = true,
                    description = "Why the field was refused, in words; may change",
                    examples = "must not be blank",
                    maxLength = MAX_TEXT)
            String message) {

        public FieldError {
            Objects.requireNonNull(code, "every error entry has a code");
            field = cut(field, MAX_FIELD);
            message = cut(message, MAX_TEXT);
        }

        public static FieldError of(FieldProblem problem) {
            return new FieldError(problem.field(), problem.code(), problem.message());
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
