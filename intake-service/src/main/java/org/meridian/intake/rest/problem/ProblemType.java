package org.meridian.intake.rest.problem;

import jakarta.ws.rs.core.Response.Status;

/** The problem types this service emits; the URNs are stable and documented in docs/conventions.md. */
public enum ProblemType {
    VALIDATION_ERROR("validation-error", "Invalid request", 400),
    MALFORMED_REQUEST("malformed-request", "Malformed request body", 400),
    UNAUTHENTICATED("unauthenticated", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    ACTING_FOR_ANOTHER("acting-for-another", "Cannot act for another person", 403),
    PRACTITIONER_LINK_REQUIRED("practitioner-link-required", "Sign-in not linked to a practitioner", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    CONFLICT("conflict", "Conflict", 409),
    INVALID_STATE("invalid-state", "Not allowed in the current state", 409),
    REFER_BEFORE_NEEDLING("refer-before-needling", "Refer before needling", 409),
    TREATMENT_CONSENT_REQUIRED("treatment-consent-required", "Treatment consent required", 409),
    INTAKE_ASSESSMENT_REQUIRED("intake-assessment-required", "Intake assessment required", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload Too Large", 413),
    UNPROCESSABLE("unprocessable", "Unprocessable request", 422),
    PRECONDITION_REQUIRED("precondition-required", "Precondition required", 428),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    DATABASE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return "urn:meridian:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public static String uriForStatus(int status) {
        return "urn:meridian:problem:http-" + status;
    }

    public static String titleForStatus(int status) {
        Status known = Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
