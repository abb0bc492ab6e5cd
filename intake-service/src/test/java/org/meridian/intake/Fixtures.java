package org.meridian.intake;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.meridian.platform.test.security.TestTokens;

/** Builds test data through the public API, each test in a clinic of its own. */
public final class Fixtures {

    public static final String API = "/api/v1/intake";

    private Fixtures() {}

    /** A request as the clinic's staff (both staff roles). */
    public static RequestSpecification asStaffOf(String clinicId) {
        return given().auth().oauth2(TestTokens.staff(UUID.fromString(clinicId)));
    }

    public static String clinic() {
        return given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Clinic " + UUID.randomUUID() + "\", \"timeZone\": \"Europe/London\"}")
                .when()
                .post(API + "/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String practitioner(String clinicId) {
        return asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("""
                        {"givenName": "Mei", "familyName": "Lin", "licenceNumber": "%s",
                         "profession": "ACUPUNCTURIST", "qualifications": "BSc Acupuncture", "yearsInAcupuncturePractice": 12}
                        """.formatted("LIC-" + UUID.randomUUID()))
                .when()
                .post(API + "/clinics/" + clinicId + "/practitioners")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Response registerPatient(String clinicId, String givenName, String familyName, String mrn) {
        return asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("""
                        {"givenName": "%s", "familyName": "%s", "dateOfBirth": "1972-04-18", "sex": "FEMALE",
                         "email": "patient@mail.example", "phone": "+44 7700 900123",
                         "identifiers": [{"type": "MRN", "system": "https://ehr.example/mrn", "value": "%s"}]}
                        """.formatted(givenName, familyName, mrn))
                .when()
                .post(API + "/clinics/" + clinicId + "/patients");
    }

    public static String patient(String clinicId) {
        return registerPatient(clinicId, "Alice", "Nguyen", "MRN-" + UUID.randomUUID())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String patientPath(String clinicId, String patientId) {
        return API + "/clinics/" + clinicId + "/patients/" + patientId;
    }

    public static String consent(String clinicId, String patientId, String kind) {
        return asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"kind\": \"" + kind + "\", \"documentVersion\": \"2026-03\"}")
                .when()
                .post(patientPath(clinicId, patientId) + "/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String assessmentBody(String practitionerId, boolean redFlag) {
        return """
                {"assessedOn": "%s", "assessedBy": "%s", "painSites": ["LOW_BACK", "SCIATICA_LEFT"],
                 "painDurationMonths": 9, "painFrequency": "EVERY_DAY_OR_NEARLY_EVERY_DAY",
                 "redFlags": {"saddleAnaesthesiaOrBladderBowelChange": false, "fever": false, "majorTrauma": false,
                              "historyOfCancer": %s, "unexplainedWeightLoss": false, "progressiveNeurologicalDeficit": false},
                 "analgesics": [{"drugClass": "NSAID", "daysPerWeek": 5, "name": "Ibuprofen 400 mg"}],
                 "priorTreatments": ["PHYSIOTHERAPY", "MEDICATION"], "workStatus": "WORKING_FULL_TIME"}
                """.formatted(LocalDate.now(ZoneOffset.UTC).minusDays(1), practitionerId, redFlag);
    }

    public static String assessment(String clinicId, String patientId, String practitionerId, boolean redFlag) {
        return asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(assessmentBody(practitionerId, redFlag))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String episodeBody(LocalDate startDate) {
        return "{\"startDate\": \"" + startDate + "\", \"plannedSessions\": 10, \"goals\": \"Pain <= 3/10\"}";
    }

    public static String episode(String clinicId, String patientId) {
        return asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(episodeBody(LocalDate.now(ZoneOffset.UTC).minusDays(30)))
                .when()
                .post(patientPath(clinicId, patientId) + "/episodes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A patient cleared for needling (consented, screened without red flags) with a planned episode. */
    public static CareSetup careSetup() {
        String clinicId = clinic();
        String practitionerId = practitioner(clinicId);
        String patientId = patient(clinicId);
        consent(clinicId, patientId, "TREATMENT");
        assessment(clinicId, patientId, practitionerId, false);
        String episodeId = episode(clinicId, patientId);
        return new CareSetup(clinicId, practitionerId, patientId, episodeId);
    }

    public static String sessionsPath(String clinicId, String episodeId) {
        return API + "/clinics/" + clinicId + "/episodes/" + episodeId + "/sessions";
    }

    public static String sessionBody(String practitionerId, OffsetDateTime startedAt) {
        return """
                {"startedAt": "%s", "practitionerId": "%s", "style": "TRADITIONAL_CHINESE",
                 "points": [{"code": "BL23", "side": "BILATERAL", "depthMm": 25},
                            {"code": "GV4", "side": "MIDLINE", "depthMm": 15},
                            {"code": "GB30", "side": "LEFT", "depthMm": 60},
                            {"code": "EX-B2", "side": "BILATERAL", "depthMm": 20}],
                 "needleCount": 8, "deQiElicited": true, "stimulation": "MANUAL", "retentionMinutes": 20,
                 "needleType": {"diameterMm": 0.25, "lengthMm": 40, "material": "STAINLESS_STEEL", "manufacturer": "Seirin"},
                 "coInterventions": [{"type": "CUPPING", "details": "Fire cupping, 5 minutes"}]}
                """.formatted(startedAt, practitionerId);
    }

    public static OffsetDateTime hoursAgo(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(hours).withNano(0);
    }

    public static String session(CareSetup care) {
        return asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(2)))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public record CareSetup(String clinicId, String practitionerId, String patientId, String episodeId) {}
}
