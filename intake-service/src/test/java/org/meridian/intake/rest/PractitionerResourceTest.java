package org.meridian.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.meridian.intake.Fixtures.API;
import static org.meridian.intake.Fixtures.asStaffOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.TableCounts;

@QuarkusTest
class PractitionerResourceTest {

    @Inject
    TableCounts counts;

    private static String body(String licence) {
        return """
                {"givenName": "Tom", "familyName": "Hale", "licenceNumber": "%s", "profession": "PHYSIOTHERAPIST",
                 "qualifications": "MSc Physiotherapy; AACP member", "yearsInAcupuncturePractice": 6}
                """.formatted(licence);
    }

    @Test
    void registersAPractitionerWithStrictaBackgroundAndReadsItBack() {
        String clinicId = Fixtures.clinic();
        String location = asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body("AACP-1"))
                .when()
                .post(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("clinicId", equalTo(clinicId))
                .body("active", equalTo(true))
                .extract()
                .header("Location");

        asStaffOf(clinicId)
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .body("profession", equalTo("PHYSIOTHERAPIST"))
                .body("qualifications", equalTo("MSc Physiotherapy; AACP member"))
                .body("yearsInAcupuncturePractice", equalTo(6))
                .body("licenceNumber", equalTo("AACP-1"));
    }

    @Test
    void rejectsInvalidFieldsNamingEachAndStoresNothing() {
        String clinicId = Fixtures.clinic();
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"givenName\": \"\", \"familyName\": \"Hale\", \"profession\": \"ACUPUNCTURIST\","
                        + " \"yearsInAcupuncturePractice\": 81}")
                .when()
                .post(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("givenName"))
                .body("errors.field", hasItem("licenceNumber"))
                .body("errors.field", hasItem("yearsInAcupuncturePractice"));
        assertThat(counts.rows("practitioner", clinicId)).isZero();
    }

    @Test
    void rejectsAnUnknownProfessionNamingTheField() {
        String clinicId = Fixtures.clinic();
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body("X-1").replace("PHYSIOTHERAPIST", "WIZARD"))
                .when()
                .post(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("profession"));
    }

    @Test
    void refusesASecondPractitionerWithTheSameLicenceInTheClinic() {
        String clinicId = Fixtures.clinic();
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body("DUP-1"))
                .when()
                .post(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .statusCode(201);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body("DUP-1"))
                .when()
                .post(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("licenceNumber"));
        // Another clinic may register someone with the same number (a different regulator's register).
        String otherClinicId = Fixtures.clinic();
        asStaffOf(otherClinicId)
                .contentType(ContentType.JSON)
                .body(body("DUP-1"))
                .when()
                .post(API + "/clinics/" + otherClinicId + "/practitioners")
                .then()
                .statusCode(201);
    }

    @Test
    void updatesWithTheCurrentETagAndRefusesAStaleOne() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String path = API + "/clinics/" + clinicId + "/practitioners/" + practitionerId;

        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body("NEW-1").replace("}", ", \"active\": false}"))
                .when()
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("active", equalTo(false))
                .body("version", equalTo(1));

        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body("NEW-2"))
                .when()
                .put(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:precondition-failed"));
        asStaffOf(clinicId).when().get(path).then().body("licenceNumber", equalTo("NEW-1"));
    }

    @Test
    void requiresIfMatchToUpdate() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body("NEW-1"))
                .when()
                .put(API + "/clinics/" + clinicId + "/practitioners/" + practitionerId)
                .then()
                .statusCode(428)
                .body("type", equalTo("urn:meridian:problem:precondition-required"));
    }

    @Test
    void hidesAnotherClinicsPractitionerBehind404() {
        String practitionerId = Fixtures.practitioner(Fixtures.clinic());
        String otherClinic = Fixtures.clinic();
        asStaffOf(otherClinic)
                .when()
                .get(API + "/clinics/" + otherClinic + "/practitioners/" + practitionerId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asStaffOf(otherClinic)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(body("X-9"))
                .when()
                .put(API + "/clinics/" + otherClinic + "/practitioners/" + practitionerId)
                .then()
                .statusCode(404);
    }

    @Test
    void listsOnlyTheClinicsPractitionersPageByPage() {
        String clinicId = Fixtures.clinic();
        for (int i = 0; i < 3; i++) {
            Fixtures.practitioner(clinicId);
        }
        Fixtures.practitioner(Fixtures.clinic());
        asStaffOf(clinicId)
                .queryParam("size", 2)
                .when()
                .get(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        asStaffOf(clinicId)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .when()
                .get(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .body("items", hasSize(1));
    }

    @Test
    void answers404ForTheListOfAnUnknownClinic() {
        String unknownClinic = java.util.UUID.randomUUID().toString();
        asStaffOf(unknownClinic)
                .when()
                .get(API + "/clinics/" + unknownClinic + "/practitioners")
                .then()
                .statusCode(404);
    }
}
