package org.meridian.outcomes.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.IntakeScript;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class FhirAuditTrailTest {

    private static final String AUDIT = "/api/v1/outcomes/audit-events";

    @Test
    void auditsFhirCreatesReadsAndRefusalsWithTheResourceAndCaller() {
        UUID clinic = UUID.randomUUID();
        String practitioner = TestTokens.practitioner(clinic);
        UUID patient = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, patient);
        String id = FhirRequests.post(
                        practitioner,
                        FhirRequests.response(
                                "https://meridian.example/fhir/Questionnaire/nrs-leg-pain|1.0",
                                patient,
                                Instant.now().minus(1, ChronoUnit.HOURS),
                                Map.of("leg_pain_nrs", 2)))
                .statusCode(201)
                .extract()
                .path("id");
        FhirRequests.get(practitioner, "/fhir/r4/Observation/" + id).statusCode(200);
        FhirRequests.get(TestTokens.practitioner(UUID.randomUUID()), "/fhir/r4/QuestionnaireResponse/" + id)
                .statusCode(404);

        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("resourceId", id)
                .when()
                .get(AUDIT)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.httpMethod", hasItem("POST"))
                .body("items.resourceType", hasItem("Observation"))
                .body("items.resourceType", hasItem("QuestionnaireResponse"))
                .body("items.status", hasItem(404))
                .body("items.find { it.httpMethod == 'POST' }.clinicId", equalTo(clinic.toString()))
                .body(
                        "items.find { it.httpMethod == 'POST' }.operation",
                        equalTo("QuestionnaireResponseResource.create"));
    }
}
