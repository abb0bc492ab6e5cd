package org.meridian.platform.web.problem;

/** The problem kinds every service shares: malformed or invalid input, security, the HTTP concepts, outages. */
public enum CommonProblem implements ProblemKind {
    VALIDATION_ERROR("validation-error", "Invalid request", 400),
    MALFORMED_REQUEST("malformed-request", "Malformed request body", 400),
    UNAUTHENTICATED("unauthenticated", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    CONFLICT("conflict", "Conflict", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload Too Large", 413),
    UNPROCESSABLE("unprocessable", "Unprocessable content", 422),
    PRECONDITION_REQUIRED("precondition-required", "Precondition required", 428),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    DATABASE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

    private final String slug;
    private final String title;
    private final int status;

    CommonProblem(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
