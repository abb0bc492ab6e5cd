package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.meridian.intake.Fixtures.API;
import static org.meridian.intake.Fixtures.asStaffOf;
import static org.meridian.intake.Fixtures.hoursAgo;
import static org.meridian.intake.Fixtures.patientPath;
import static org.meridian.intake.Fixtures.sessionsPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.platform.test.security.TestTokens;

/**
 * The document declares every optional request field nullable (see NullableRequestFields): a body sending null for
 * each of them must be accepted exactly like one omitting them.
 */
@QuarkusTest
class NullMeansAbsentTest {

    private static JsonPath created(String token, String path, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static void assertSame(JsonPath omitted, JsonPath nulled, String... fields) {
        for (String field : fields) {
            assertThat((Object) nulled.get(field)).as(field).isEqualTo(omitted.get(field));
        }
    }

    @Test
    void clinic() {
        String body = "{\"name\": \"Clinic %s\", \"timeZone\": \"Europe/London\"%s}";
        JsonPath omitted = created(TestTokens.admin(), API + "/clinics", body.formatted(UUID.randomUUID(), ""));
        JsonPath nulled = created(
                TestTokens.admin(),
                API + "/clinics",
                body.formatted(
                        UUID.randomUUID(),
                        ", \"registrationNumber\": null, \"contactEmail\": null, \"contactPhone\": null"));
        assertSame(omitted, nulled, "registrationNumber", "contactEmail", "contactPhone");
    }

    @Test
    void patient() {
        String clinicId = Fixtures.clinic();
        String body =
                "{\"givenName\": \"Ada\", \"familyName\": \"Byrne\", \"dateOfBirth\": \"1980-01-02\", \"sex\": \"FEMALE\"%s}";
        JsonPath omitted = created(
                TestTokens.staff(UUID.fromString(clinicId)),
                API + "/clinics/" + clinicId + "/patients",
                body.formatted(""));
        JsonPath nulled = created(
                TestTokens.staff(UUID.fromString(clinicId)),
                API + "/clinics/" + clinicId + "/patients",
                body.formatted(", \"email\": null, \"phone\": null, \"identifiers\": null"));
        assertSame(omitted, nulled, "email", "phone", "identifiers");
    }

    @Test
    void practitioner() {
        String clinicId = Fixtures.clinic();
        String body =
                "{\"givenName\": \"Mei\", \"familyName\": \"Lin\", \"licenceNumber\": \"LIC-%s\", \"profession\": \"ACUPUNCTURIST\"%s}";
        String path = API + "/clinics/" + clinicId + "/practitioners";
        JsonPath omitted =
                created(TestTokens.staff(UUID.fromString(clinicId)), path, body.formatted(UUID.randomUUID(), ""));
        JsonPath nulled = created(
                TestTokens.staff(UUID.fromString(clinicId)),
                path,
                body.formatted(
                        UUID.randomUUID(),
                        ", \"qualifications\": null, \"yearsInAcupuncturePractice\": null, \"active\": null"));
        assertSame(omitted, nulled, "qualifications", "yearsInAcupuncturePractice", "active");
        assertThat(nulled.getBoolean("active")).isTrue();
    }

    @Test
    void episode() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String body = "{\"startDate\": \"" + LocalDate.now(ZoneOffset.UTC) + "\", \"plannedSessions\": 6%s}";
        JsonPath omitted = created(
                TestTokens.staff(UUID.fromString(clinicId)),
                screenedPatient(clinicId, practitionerId) + "/episodes",
                body.formatted(""));
        JsonPath nulled = created(
                TestTokens.staff(UUID.fromString(clinicId)),
                screenedPatient(clinicId, practitionerId) + "/episodes",
                body.formatted(", \"goals\": null"));
        assertSame(omitted, nulled, "goals", "status");
    }

    /** A consented patient screened without red flags, who may start an episode. */
    private static String screenedPatient(String clinicId, String practitionerId) {
        String patientId = Fixtures.patient(clinicId);
        Fixtures.consent(clinicId, patientId, "TREATMENT");
        Fixtures.assessment(clinicId, patientId, practitionerId, false);
        return patientPath(clinicId, patientId);
    }

    @Test
    void session() {
        CareSetup care = Fixtures.careSetup();
        String body = """
                {"startedAt": "%s", "practitionerId": "%s", "style": "TRADITIONAL_CHINESE",
                 "points": [{"code": "GV4", "side": "MIDLINE", "depthMm": 15}],
                 "needleCount": 1, "deQiElicited": false, "stimulation": "MANUAL", "retentionMinutes": 20,
                 "needleType": {"diameterMm": 0.25, "lengthMm": 40, "material": "STAINLESS_STEEL"%s}%s}
                """;
        String path = sessionsPath(care.clinicId(), care.episodeId());
        JsonPath omitted = created(
                TestTokens.staff(UUID.fromString(care.clinicId())),
                path,
                body.formatted(hoursAgo(4), care.practitionerId(), "", ""));
        JsonPath nulled = created(
                TestTokens.staff(UUID.fromString(care.clinicId())),
                path,
                body.formatted(
                        hoursAgo(2),
                        care.practitionerId(),
                        ", \"manufacturer\": null",
                        ", \"styleDetails\": null, \"electroFrequencyHz\": null, \"coInterventions\": null, \"notes\": null"));
        assertSame(
                omitted,
                nulled,
                "styleDetails",
                "electroFrequencyHz",
                "coInterventions",
                "notes",
                "needleType.manufacturer");
    }

    @Test
    void intakeAssessment() {
        CareSetup care = Fixtures.careSetup();
        String body = """
                {"assessedOn": "%s", "assessedBy": "%s", "painSites": ["LOW_BACK"],
                 "painFrequency": "EVERY_DAY_OR_NEARLY_EVERY_DAY",
                 "redFlags": {"saddleAnaesthesiaOrBladderBowelChange": false, "fever": false, "majorTrauma": false,
                              "historyOfCancer": false, "unexplainedWeightLoss": false, "progressiveNeurologicalDeficit": false},
                 "analgesics": [{"drugClass": "NSAID", "daysPerWeek": 2%s}], "workStatus": "WORKING_FULL_TIME"%s}
                """;
        String assessedOn = LocalDate.now(ZoneOffset.UTC).toString();
        String path = patientPath(care.clinicId(), care.patientId()) + "/intake-assessments";
        // onsetDate or painDurationMonths: exactly one of them is needed, the other may be null
        JsonPath omitted = created(
                TestTokens.staff(UUID.fromString(care.clinicId())),
                path,
                body.formatted(assessedOn, care.practitionerId(), "", ", \"painDurationMonths\": 9"));
        JsonPath nulled = created(
                TestTokens.staff(UUID.fromString(care.clinicId())),
                path,
                body.formatted(
                        assessedOn,
                        care.practitionerId(),
                        ", \"name\": null",
                        ", \"painDurationMonths\": 9, \"onsetDate\": null, \"priorTreatments\": null, \"notes\": null"));
        assertSame(
                omitted,
                nulled,
                "onsetDate",
                "painDurationMonths",
                "priorTreatments",
                "notes",
                "analgesics",
                "chronicity");
        created(
                TestTokens.staff(UUID.fromString(care.clinicId())),
                path,
                body.formatted(
                        assessedOn,
                        care.practitionerId(),
                        "",
                        ", \"onsetDate\": \"2025-01-10\", \"painDurationMonths\": null"));
    }

    @Test
    void consent() {
        String clinicId = Fixtures.clinic();
        String path = patientPath(clinicId, Fixtures.patient(clinicId)) + "/consents";
        JsonPath omitted = created(
                TestTokens.staff(UUID.fromString(clinicId)),
                path,
                "{\"kind\": \"TREATMENT\", \"documentVersion\": \"2026-03\"}");
        JsonPath nulled = created(
                TestTokens.staff(UUID.fromString(clinicId)),
                path,
                "{\"kind\": \"RESEARCH\", \"documentVersion\": \"2026-03\", \"givenAt\": null}");
        assertThat(omitted.getString("givenAt")).isNotNull();
        assertThat(nulled.getString("givenAt")).isNotNull();
    }

    @Test
    void adverseEvent() {
        CareSetup care = Fixtures.careSetup();
        String path =
                sessionsPath(care.clinicId(), care.episodeId()) + "/" + Fixtures.session(care) + "/adverse-events";
        String body = "{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false%s}";
        JsonPath omitted = created(TestTokens.staff(UUID.fromString(care.clinicId())), path, body.formatted(""));
        JsonPath nulled = created(
                TestTokens.staff(UUID.fromString(care.clinicId())),
                path,
                body.formatted(", \"description\": null, \"actionTaken\": null"));
        assertSame(omitted, nulled, "description", "actionTaken");
    }

    @Test
    void withdrawalCancellationAndTransition() {
        CareSetup care = Fixtures.careSetup();
        String consentId = Fixtures.consent(care.clinicId(), care.patientId(), "RESEARCH");
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"withdrawnAt\": null, \"reason\": null}")
                .when()
                .post(patientPath(care.clinicId(), care.patientId()) + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(200)
                .body("withdrawnAt", notNullValue())
                .body("withdrawalReason", nullValue());
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"ACTIVE\", \"reason\": null, \"note\": null}")
                .when()
                .post(patientPath(care.clinicId(), care.patientId()) + "/episodes/" + care.episodeId() + "/transitions")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        String sessionId = Fixtures.session(care);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"PATIENT_CANCELLED\", \"note\": null}")
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/cancellation")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }
}
