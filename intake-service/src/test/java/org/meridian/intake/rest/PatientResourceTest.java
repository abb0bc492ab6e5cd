package org.meridian.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.meridian.intake.Fixtures.API;
import static org.meridian.intake.Fixtures.asStaffOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.TableCounts;

@QuarkusTest
class PatientResourceTest {

    @Inject
    TableCounts counts;

    @Test
    void registersAPatientWithAPseudonymDistinctFromItsIdAndReadsItBack() {
        String clinicId = Fixtures.clinic();
        ExtractableResponse<Response> created = Fixtures.registerPatient(clinicId, "Alice", "Nguyen", "MRN-001")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("referBeforeNeedling", equalTo(false))
                .body("identifiers[0].system", equalTo("https://ehr.example/mrn"))
                .body("identifiers[0].value", equalTo("MRN-001"))
                .extract();
        String id = created.path("id");
        String pseudonymId = created.path("pseudonymId");
        assertThat(pseudonymId).isNotNull().isNotEqualTo(id);

        asStaffOf(clinicId)
                .when()
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .body("pseudonymId", equalTo(pseudonymId))
                .body("givenName", equalTo("Alice"))
                .body("dateOfBirth", equalTo("1972-04-18"))
                .body("sex", equalTo("FEMALE"));
    }

    @Test
    void rejectsInvalidFieldsNamingEachAndStoresNothing() {
        String clinicId = Fixtures.clinic();
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("""
                        {"givenName": "Alice", "familyName": " ", "dateOfBirth": "2999-01-01", "sex": "FEMALE",
                         "email": "nope", "identifiers": [{"type": "MRN", "system": "", "value": "X"}]}
                        """)
                .when()
                .post(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("familyName"))
                .body("errors.field", hasItem("dateOfBirth"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("identifiers[0].system"));
        assertThat(counts.rows("patient", clinicId)).isZero();
        assertThat(counts.patientEvents(clinicId)).isZero();
    }

    @Test
    void refusesAnMrnAnotherPatientOfTheClinicHoldsAndStoresNothing() {
        String clinicId = Fixtures.clinic();
        Fixtures.registerPatient(clinicId, "Alice", "Nguyen", "MRN-DUP").then().statusCode(201);
        Fixtures.registerPatient(clinicId, "Bob", "Smith", "MRN-DUP")
                .then()
                .statusCode(409)
                .body("errors[0].field", equalTo("identifiers[0].value"));
        assertThat(counts.rows("patient", clinicId)).isEqualTo(1);
        assertThat(counts.patientEvents(clinicId)).isEqualTo(1);
        Fixtures.registerPatient(Fixtures.clinic(), "Bob", "Smith", "MRN-DUP")
                .then()
                .statusCode(201);
    }

    @Test
    void searchesByPartOfANameCaseInsensitivelyWithinTheClinic() {
        String clinicId = Fixtures.clinic();
        Fixtures.registerPatient(clinicId, "Alice", "Nguyen", "M-1").then().statusCode(201);
        Fixtures.registerPatient(clinicId, "Bob", "Nguyenova", "M-2").then().statusCode(201);
        Fixtures.registerPatient(clinicId, "Carol", "Smith", "M-3").then().statusCode(201);
        Fixtures.registerPatient(Fixtures.clinic(), "Dan", "Nguyen", "M-4")
                .then()
                .statusCode(201);

        List<String> names = asStaffOf(clinicId)
                .queryParam("name", "NGUY")
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(2))
                .extract()
                .path("items.familyName");
        assertThat(names).containsExactly("Nguyen", "Nguyenova");

        asStaffOf(clinicId)
                .queryParam("name", "alice ngu")
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .body("items.givenName", equalTo(List.of("Alice")));
    }

    @Test
    void treatsLikeWildcardsInANameSearchLiterally() {
        String clinicId = Fixtures.clinic();
        Fixtures.registerPatient(clinicId, "Alice", "Nguyen", "M-1").then().statusCode(201);
        asStaffOf(clinicId)
                .queryParam("name", "%_")
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void refusesANulCharacterInASearchWith400NamingTheParameter() {
        String clinicId = Fixtures.clinic();
        for (String parameter : new String[] {"name", "mrn"}) {
            asStaffOf(clinicId)
                    .urlEncodingEnabled(false)
                    .queryParam(parameter, "al%00ice")
                    .when()
                    .get(API + "/clinics/" + clinicId + "/patients")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(parameter));
        }
    }

    @Test
    void refusesValuesOfAnotherJsonTypeThanTheDocumentDeclares() {
        String clinicId = Fixtures.clinic();
        String patient = """
                {"givenName": "Alice", "familyName": "Nguyen", "dateOfBirth": %s, "sex": "FEMALE"}""";
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(patient.formatted("19000"))
                .when()
                .post(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dateOfBirth"));
        String patientId = Fixtures.patient(clinicId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"RESEARCH\", \"documentVersion\": \"2026-03\", \"givenAt\": 1767225600}")
                .when()
                .post(Fixtures.patientPath(clinicId, patientId) + "/consents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("givenAt"));
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("""
                        {"givenName": "Mei", "familyName": "Lin", "licenceNumber": "L-1", "profession": "ACUPUNCTURIST",
                         "yearsInAcupuncturePractice": "12", "active": 1}""")
                .when()
                .post(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("yearsInAcupuncturePractice"));
    }

    @Test
    void treatsAnEmptySearchParameterAsNoFilterButRefusesAOneLetterName() {
        String clinicId = Fixtures.clinic();
        Fixtures.patient(clinicId);
        asStaffOf(clinicId)
                .queryParam("name", "")
                .queryParam("mrn", "")
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
        asStaffOf(clinicId)
                .queryParam("name", "a")
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void findsAPatientByExactMrn() {
        String clinicId = Fixtures.clinic();
        Fixtures.registerPatient(clinicId, "Alice", "Nguyen", "MRN-4711").then().statusCode(201);
        Fixtures.registerPatient(clinicId, "Bob", "Smith", "MRN-47").then().statusCode(201);
        asStaffOf(clinicId)
                .queryParam("mrn", "MRN-4711")
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].givenName", equalTo("Alice"));
        String otherClinic = Fixtures.clinic();
        asStaffOf(otherClinic)
                .queryParam("mrn", "MRN-4711")
                .when()
                .get(API + "/clinics/" + otherClinic + "/patients")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void pagesPatientsAlphabeticallyWithoutRepeats() {
        String clinicId = Fixtures.clinic();
        for (String family : List.of("Evans", "Adams", "Diaz", "Baker", "Chen")) {
            Fixtures.registerPatient(clinicId, "Pat", family, "M-" + family)
                    .then()
                    .statusCode(201);
        }
        List<String> first = asStaffOf(clinicId)
                .queryParam("size", 2)
                .queryParam("page", 0)
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .body("totalPages", equalTo(3))
                .extract()
                .path("items.familyName");
        List<String> second = asStaffOf(clinicId)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .extract()
                .path("items.familyName");
        List<String> third = asStaffOf(clinicId)
                .queryParam("size", 2)
                .queryParam("page", 2)
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .extract()
                .path("items.familyName");
        assertThat(first).containsExactly("Adams", "Baker");
        assertThat(second).containsExactly("Chen", "Diaz");
        assertThat(third).containsExactly("Evans");
        asStaffOf(clinicId)
                .queryParam("size", 101)
                .when()
                .get(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    /**
     * Found by the contract tests: a page that is no int32 was answered 404, as if the clinic did not exist, and a
     * page whose offset (page x size) overflows an int failed with a 500.
     */
    @Test
    void answersAMalformedPageNumberWith400() {
        String clinicId = Fixtures.clinic();
        for (String page : List.of("abc", "99999999999", "1681870721", "2147483647")) {
            asStaffOf(clinicId)
                    .queryParam("page", page)
                    .queryParam("size", 17)
                    .when()
                    .get(API + "/clinics/" + clinicId + "/patients")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:meridian:problem:validation-error"));
        }
    }

    @Test
    void updatesWithIfMatchKeepsThePseudonymAndRefusesAStaleVersion() {
        String clinicId = Fixtures.clinic();
        ExtractableResponse<Response> created = Fixtures.registerPatient(clinicId, "Alice", "Nguyen", "M-1")
                .then()
                .statusCode(201)
                .extract();
        String path = created.header("Location");
        String update = """
                {"givenName": "Alice", "familyName": "Tran", "dateOfBirth": "1972-04-18", "sex": "FEMALE",
                 "identifiers": [{"type": "MRN", "system": "https://ehr.example/mrn", "value": "M-1"},
                                 {"type": "INSURANCE_MEMBER", "system": "https://insurer.example", "value": "INS-9"}]}
                """;
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(update)
                .when()
                .put(path)
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo("\"0\"")))
                .body("familyName", equalTo("Tran"))
                .body("pseudonymId", equalTo(created.path("pseudonymId")))
                .body("identifiers", hasSize(2))
                .body("email", equalTo(null));
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(update)
                .when()
                .put(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
    }

    /**
     * The document bounds the phone by its column (32) and If-Match by the longest ETag it can hold; past them is a
     * 400 naming the field (a 33-character phone used to fail the insert with a 500).
     */
    @Test
    void refusesAPhoneLongerThanItsColumnAndAnOverlongIfMatchWith400() {
        String clinicId = Fixtures.clinic();
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("""
                        {"givenName": "Alice", "familyName": "Nguyen", "dateOfBirth": "1972-04-18", "sex": "FEMALE",
                         "phone": "+%s"}
                        """.formatted("1".repeat(32)))
                .when()
                .post(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("phone"));
        assertThat(counts.rows("patient", clinicId)).isZero();

        String path = Fixtures.registerPatient(clinicId, "Alice", "Nguyen", "M-2")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + "0".repeat(70) + "\"")
                .body("""
                        {"givenName": "Alice", "familyName": "Tran", "dateOfBirth": "1972-04-18", "sex": "FEMALE"}
                        """)
                .when()
                .put(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body("errors.field", hasItem("If-Match"));
    }

    @Test
    void refusesAnIdentifierListedTwiceIn422() {
        String clinicId = Fixtures.clinic();
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("""
                        {"givenName": "A", "familyName": "B", "dateOfBirth": "1980-01-01", "sex": "MALE",
                         "identifiers": [{"type": "MRN", "system": "s", "value": "1"}, {"type": "OTHER", "system": "s", "value": "1"}]}
                        """)
                .when()
                .post(API + "/clinics/" + clinicId + "/patients")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:meridian:problem:unprocessable"))
                .body("errors[0].field", equalTo("identifiers[1].value"));
    }

    @Test
    void hidesAnotherClinicsPatientBehind404WithoutItsData() {
        String patientId = Fixtures.patient(Fixtures.clinic());
        String otherClinic = Fixtures.clinic();
        String body = asStaffOf(otherClinic)
                .when()
                .get(API + "/clinics/" + otherClinic + "/patients/" + patientId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertThat(body).doesNotContain("Nguyen").doesNotContain("Alice");
        asStaffOf(otherClinic)
                .when()
                .get(API + "/clinics/" + otherClinic + "/patients/" + patientId + "/consents")
                .then()
                .statusCode(404);
        asStaffOf(otherClinic)
                .when()
                .get(API + "/clinics/" + otherClinic + "/patients/" + patientId + "/intake-assessments")
                .then()
                .statusCode(404);
        asStaffOf(otherClinic)
                .when()
                .get(API + "/clinics/" + otherClinic + "/patients/" + patientId + "/episodes")
                .then()
                .statusCode(404);
    }

    @Test
    void answers404WhenRegisteringInAnUnknownClinic() {
        Fixtures.registerPatient(UUID.randomUUID().toString(), "Alice", "Nguyen", "M-1")
                .then()
                .statusCode(404);
    }
}
