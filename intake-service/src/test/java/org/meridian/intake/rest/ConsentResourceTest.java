package org.meridian.intake.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.meridian.intake.Fixtures.asStaffOf;
import static org.meridian.intake.Fixtures.patientPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;

@QuarkusTest
class ConsentResourceTest {

    @Test
    void recordsAConsentAndReadsItBack() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        String location = asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(
                        "{\"kind\": \"RESEARCH\", \"documentVersion\": \"2026-03\", \"givenAt\": \"2026-01-10T09:00:00Z\"}")
                .when()
                .post(patientPath(clinicId, patientId) + "/consents")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .header("Location");
        asStaffOf(clinicId)
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .body("kind", equalTo("RESEARCH"))
                .body("documentVersion", equalTo("2026-03"))
                .body("givenAt", equalTo("2026-01-10T09:00:00Z"));
    }

    @Test
    void aNewConsentOfTheSameKindSupersedesTheCurrentOne() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        String first = Fixtures.consent(clinicId, patientId, "TREATMENT");
        Fixtures.consent(clinicId, patientId, "TREATMENT");
        Fixtures.consent(clinicId, patientId, "RESEARCH");
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId) + "/consents/" + first)
                .then()
                .body("status", equalTo("SUPERSEDED"));
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId) + "/consents")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items.status", equalTo(java.util.List.of("SUPERSEDED", "ACTIVE", "ACTIVE")));
    }

    @Test
    void withdrawsAConsentOnceAndRefusesASecondWithdrawal() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        String consentId = Fixtures.consent(clinicId, patientId, "RESEARCH");
        String path = patientPath(clinicId, patientId) + "/consents/" + consentId + "/withdrawal";
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"reason\": \"No longer wishes to take part\"}")
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("No longer wishes to take part"))
                .header("ETag", "\"1\"");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(path)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:invalid-state"));
    }

    @Test
    void refusesAWithdrawalWithAStaleETag() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        String consentId = Fixtures.consent(clinicId, patientId, "TREATMENT");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body("{}")
                .when()
                .post(patientPath(clinicId, patientId) + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(412);
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId) + "/consents/" + consentId)
                .then()
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void refusesAWithdrawalDatedBeforeTheConsent() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        String consentId = asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"RESEARCH\", \"documentVersion\": \"1\", \"givenAt\": \"2026-05-01T09:00:00Z\"}")
                .when()
                .post(patientPath(clinicId, patientId) + "/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"withdrawnAt\": \"2026-04-01T09:00:00Z\"}")
                .when()
                .post(patientPath(clinicId, patientId) + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("withdrawnAt"));
    }

    @Test
    void rejectsAConsentGivenInTheFutureOrOfUnknownKind() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"TREATMENT\", \"documentVersion\": \"1\", \"givenAt\": \"2999-01-01T00:00:00Z\"}")
                .when()
                .post(patientPath(clinicId, patientId) + "/consents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("givenAt"));
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"MARKETING\", \"documentVersion\": \"1\"}")
                .when()
                .post(patientPath(clinicId, patientId) + "/consents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId) + "/consents")
                .then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void hidesAnotherClinicsConsentBehind404() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        String consentId = Fixtures.consent(clinicId, patientId, "RESEARCH");
        String otherClinic = Fixtures.clinic();
        asStaffOf(otherClinic)
                .when()
                .get(patientPath(otherClinic, patientId) + "/consents/" + consentId)
                .then()
                .statusCode(404);
        asStaffOf(otherClinic)
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(patientPath(otherClinic, patientId) + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(404);
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId) + "/consents/" + consentId)
                .then()
                .body("status", equalTo("ACTIVE"));
    }
}
