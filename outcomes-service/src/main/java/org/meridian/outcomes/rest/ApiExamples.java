package org.meridian.outcomes.rest;

/** Example problem documents for the OpenAPI description. */
final class ApiExamples {

    static final String UNAUTHENTICATED = """
            {"type": "urn:meridian:problem:unauthenticated", "title": "Unauthorized", "status": 401,
             "detail": "This API needs a valid access token: send 'Authorization: Bearer <JWT>'",
             "instance": "/api/v1/outcomes/instruments", "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String FORBIDDEN = """
            {"type": "urn:meridian:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role may not perform this operation",
             "instance": "/api/v1/outcomes/clinics/0b6f2c1a-6a4e-4d55-9e1b-2f3c4d5e6f70/patients/9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c/assessments",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String NOT_FOUND = """
            {"type": "urn:meridian:problem:not-found", "title": "Resource not found", "status": 404,
             "detail": "No patient with id 9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c",
             "instance": "/api/v1/outcomes/clinics/0b6f2c1a-6a4e-4d55-9e1b-2f3c4d5e6f70/patients/9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c/assessments",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String BAD_PAGE_SIZE = """
            {"type": "urn:meridian:problem:validation-error", "title": "Invalid request", "status": 400,
             "detail": "1 field is invalid: size", "instance": "/api/v1/outcomes/instruments",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12",
             "errors": [{"field": "size", "code": "out_of_range", "message": "must be less than or equal to 100"}]}""";

    static final String INVALID_SUBMISSION = """
            {"type": "urn:meridian:problem:validation-error", "title": "Invalid request", "status": 400,
             "detail": "1 field is invalid: sessionId",
             "instance": "/api/v1/outcomes/clinics/0b6f2c1a-6a4e-4d55-9e1b-2f3c4d5e6f70/patients/9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c/assessments",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12",
             "errors": [{"field": "sessionId", "code": "required", "message": "is required for timepoint POST_SESSION"}]}""";

    static final String UNSCOREABLE = """
            {"type": "urn:meridian:problem:unprocessable", "title": "Unprocessable content", "status": 422,
             "detail": "ODI 2.1a cannot be scored under policy odi-percent-of-answered-max-missing-1: answers.odi_03_lifting, answers.odi_04_walking, answers.odi_08_sex_life",
             "instance": "/api/v1/outcomes/clinics/0b6f2c1a-6a4e-4d55-9e1b-2f3c4d5e6f70/patients/9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c/assessments",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12",
             "errors": [{"field": "answers.odi_03_lifting", "code": "out_of_range", "message": "must be one of the codes 0..5; the answer is outside them"},
                        {"field": "answers.odi_04_walking", "code": "required", "message": "is unanswered; ODI 2.1a needs at least 9 of 10 items answered"},
                        {"field": "answers.odi_08_sex_life", "code": "required", "message": "is unanswered; ODI 2.1a needs at least 9 of 10 items answered"}]}""";

    static final String IDEMPOTENCY_CONFLICT = """
            {"type": "urn:meridian:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "Idempotency key 'nrs-2026-11-22-pre' was already used for a different submission (assessment 0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b); use a new key for new answers",
             "instance": "/api/v1/outcomes/clinics/0b6f2c1a-6a4e-4d55-9e1b-2f3c4d5e6f70/patients/9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c/assessments",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String STALE_VERSION = """
            {"type": "urn:meridian:problem:precondition-failed", "title": "Precondition failed", "status": 412,
             "detail": "Assessment 0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b is at version 1, not 0: read it again before changing it",
             "instance": "/api/v1/outcomes/clinics/0b6f2c1a-6a4e-4d55-9e1b-2f3c4d5e6f70/patients/9a1e3c5b-7d2f-4a6e-8b0c-1d2e3f4a5b6c/assessments/0f8e6a4c-3b2d-4e1f-9a8b-7c6d5e4f3a2b",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    private ApiExamples() {}
}
