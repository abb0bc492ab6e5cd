package org.meridian.intake.rest;

/** Example problem documents for the OpenAPI description (annotation values must be constants). */
final class ProblemExamples {

    static final String VALIDATION = """
            {"type": "urn:meridian:problem:validation-error", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid: needleCount, points[2].code",
             "instance": "/api/v1/intake/clinics/0b6f1c3e-6f0e-4a47-9a51-2f5d1c7e8a90/episodes/e1a2b3c4-3333-4e8f-a1c2-d3e4f5a6b7c8/sessions",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12",
             "errors": [{"field": "needleCount", "code": "out_of_range", "message": "must be greater than or equal to 1"},
                        {"field": "points[2].code", "code": "not_an_option", "message": "is not a WHO standard acupoint code (see GET /api/v1/intake/acupoints), e.g. BL23, GV4, EX-B2"}]}""";

    static final String NOT_FOUND = """
            {"type": "urn:meridian:problem:not-found", "title": "Resource not found", "status": 404,
             "detail": "No patient with id 7c2e9a10-5b3d-4e8f-a1c2-d3e4f5a6b7c8",
             "instance": "/api/v1/intake/clinics/0b6f1c3e-6f0e-4a47-9a51-2f5d1c7e8a90/patients/7c2e9a10-5b3d-4e8f-a1c2-d3e4f5a6b7c8",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String DUPLICATE = """
            {"type": "urn:meridian:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "Another patient of this clinic already has this identifier in system https://ehr.harbour-health.example/mrn",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12",
             "errors": [{"field": "identifiers[0].value", "code": "not_unique", "message": "Another patient of this clinic already has this identifier in system https://ehr.harbour-health.example/mrn"}]}""";

    static final String INVALID_STATE = """
            {"type": "urn:meridian:problem:invalid-state", "title": "Not allowed in the current state", "status": 409,
             "detail": "An episode cannot go from COMPLETED to ACTIVE; allowed: []",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String REFER_BEFORE_NEEDLING = """
            {"type": "urn:meridian:problem:refer-before-needling", "title": "Refer before needling", "status": 409,
             "detail": "The patient has a positive red flag: refer before needling; a practitioner must acknowledge the red flags of the intake assessment first",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String TREATMENT_CONSENT_REQUIRED = """
            {"type": "urn:meridian:problem:treatment-consent-required", "title": "Treatment consent required", "status": 409,
             "detail": "The patient has no current consent to treatment", "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String INTAKE_ASSESSMENT_REQUIRED = """
            {"type": "urn:meridian:problem:intake-assessment-required", "title": "Intake assessment required", "status": 409,
             "detail": "Record an intake assessment with red-flag screening before starting care",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String PRECONDITION_FAILED = """
            {"type": "urn:meridian:problem:precondition-failed", "title": "Precondition failed", "status": 412,
             "detail": "The patient was changed by someone else: you sent version 2 but it is now at version 3; read it again and reapply your change",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String PRECONDITION_REQUIRED = """
            {"type": "urn:meridian:problem:precondition-required", "title": "Precondition required", "status": 428,
             "detail": "Send If-Match with the ETag of the version you read, so you cannot overwrite someone else's change",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String UNPROCESSABLE = """
            {"type": "urn:meridian:problem:unprocessable", "title": "Unprocessable content", "status": 422,
             "detail": "Field 'practitionerId' no practitioner with this id in this clinic",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12",
             "errors": [{"field": "practitionerId", "code": "not_found", "message": "no practitioner with this id in this clinic"}]}""";

    static final String ACTING_FOR_ANOTHER = """
            {"type": "urn:meridian:problem:acting-for-another", "title": "Cannot act for another person", "status": 403,
             "detail": "Field 'practitionerId' names another practitioner: it can only be you, the caller (3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60), or be left out",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12",
             "errors": [{"field": "practitionerId", "code": "not_allowed", "message": "Field 'practitionerId' names another practitioner: it can only be you, the caller (3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60), or be left out"}]}""";

    static final String PRACTITIONER_LINK_REQUIRED = """
            {"type": "urn:meridian:problem:practitioner-link-required", "title": "Sign-in not linked to a practitioner", "status": 403,
             "detail": "This needs a sign-in linked to your practitioner record (token claim practitioner_id)",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String FORBIDDEN = """
            {"type": "urn:meridian:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role may not perform this operation", "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    static final String INTERNAL = """
            {"type": "urn:meridian:problem:internal-error", "title": "Internal error", "status": 500,
             "detail": "The service could not complete the request; quote the request id when reporting it",
             "requestId": "5f0c8d0e-2a8f-4c55-b0a5-7a9c1e0f4b12"}""";

    private ProblemExamples() {}
}
