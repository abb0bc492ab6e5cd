package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.meridian.intake.Fixtures.asStaffOf;
import static org.meridian.intake.Fixtures.patientPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.TableCounts;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class IntakeAssessmentResourceTest {

    @Inject
    TableCounts counts;

    private static String withOnset(String practitionerId, LocalDate assessedOn, LocalDate onset, String frequency) {
        return Fixtures.assessmentBody(practitionerId, false)
                .replaceFirst("\"assessedOn\": \"[0-9-]+\"", "\"assessedOn\": \"" + assessedOn + "\"")
                .replace("\"painDurationMonths\": 9", "\"onsetDate\": \"" + onset + "\"")
                .replace("EVERY_DAY_OR_NEARLY_EVERY_DAY", frequency);
    }

    @Test
    void recordsTheHistoryAndReadsItBack() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String location = asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(practitionerId, false))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("chronicity", equalTo("CHRONIC"))
                .body("painDurationMonths", equalTo(9))
                .body("redFlagPositive", equalTo(false))
                .body("referBeforeNeedling", equalTo(false))
                .extract()
                .header("Location");
        asStaffOf(clinicId)
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .body("painSites", equalTo(List.of("LOW_BACK", "SCIATICA_LEFT")))
                .body("analgesics[0].drugClass", equalTo("NSAID"))
                .body("analgesics[0].daysPerWeek", equalTo(5))
                .body("priorTreatments", equalTo(List.of("PHYSIOTHERAPY", "MEDICATION")))
                .body("workStatus", equalTo("WORKING_FULL_TIME"))
                .body("assessedBy", equalTo(practitionerId));
    }

    @Test
    void classifiesPainOfExactlyThreeMonthsOnMostDaysAsChronic() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(withOnset(
                        practitionerId, LocalDate.of(2026, 4, 15), LocalDate.of(2026, 1, 15), "AT_LEAST_HALF_THE_DAYS"))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("painDurationMonths", equalTo(3))
                .body("chronicity", equalTo("CHRONIC"));
    }

    @Test
    void classifiesPainOneDayShortOfThreeMonthsAsNotChronic() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(withOnset(
                        practitionerId,
                        LocalDate.of(2026, 4, 14),
                        LocalDate.of(2026, 1, 15),
                        "EVERY_DAY_OR_NEARLY_EVERY_DAY"))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("painDurationMonths", equalTo(2))
                .body("chronicity", equalTo("NOT_CHRONIC"));
    }

    @Test
    void classifiesLongPainOnLessThanHalfTheDaysAsNotChronic() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(practitionerId, false)
                        .replace("EVERY_DAY_OR_NEARLY_EVERY_DAY", "LESS_THAN_HALF_THE_DAYS"))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("chronicity", equalTo("NOT_CHRONIC"));
    }

    @Test
    void upperBackPainAloneIsNotClassifiedByTheLowBackPainDefinitions() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(practitionerId, false)
                        .replace("[\"LOW_BACK\", \"SCIATICA_LEFT\"]", "[\"UPPER_BACK\"]"))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("painDurationMonths", equalTo(9))
                .body("chronicity", equalTo("NOT_APPLICABLE"))
                .body("ncdEligibility.status", equalTo("NOT_ELIGIBLE"))
                .body("ncdEligibility.reasons", hasItem("NOT_LOW_BACK_PAIN"));
    }

    @Test
    void twelveWeeksMeetTheNcdDurationThoughNotYetThreeCalendarMonths() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        // 1 February to 26 April: 84 days, 2 whole calendar months.
        String body = withOnset(
                        practitionerId,
                        LocalDate.of(2026, 4, 26),
                        LocalDate.of(2026, 2, 1),
                        "EVERY_DAY_OR_NEARLY_EVERY_DAY")
                .replace(
                        "\"painFrequency\"",
                        "\"identifiableSystemicCause\": false, \"associatedWithSurgery\": false,"
                                + " \"associatedWithPregnancy\": false, \"painFrequency\"");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("painDurationDays", equalTo(84))
                .body("painDurationMonths", equalTo(2))
                .body("chronicity", equalTo("NOT_CHRONIC"))
                .body("ncdEligibility.status", equalTo("ELIGIBLE"))
                .body("ncdEligibility.reasons", equalTo(List.of()))
                .body("associatedWithSurgery", equalTo(false));
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body.replace("\"2026-04-26\"", "\"2026-04-25\""))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("painDurationDays", equalTo(83))
                .body("ncdEligibility.status", equalTo("NOT_ELIGIBLE"))
                .body("ncdEligibility.reasons", equalTo(List.of("SHORTER_THAN_12_WEEKS")));
    }

    @Test
    void ncdEligibilityIsUndeterminedUntilItsCriteriaAreAssessed() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(practitionerId, false)
                        .replace("\"painFrequency\"", "\"associatedWithPregnancy\": false, \"painFrequency\""))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("chronicity", equalTo("CHRONIC"))
                .body("painDurationDays", nullValue())
                .body("identifiableSystemicCause", nullValue())
                .body("ncdEligibility.status", equalTo("UNDETERMINED"))
                .body(
                        "ncdEligibility.reasons",
                        equalTo(List.of("SYSTEMIC_CAUSE_NOT_ASSESSED", "SURGERY_NOT_ASSESSED")));
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(practitionerId, false)
                        .replace("\"painFrequency\"", "\"associatedWithSurgery\": true, \"painFrequency\""))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("ncdEligibility.status", equalTo("NOT_ELIGIBLE"))
                .body("ncdEligibility.reasons", hasItem("ASSOCIATED_WITH_SURGERY"));
    }

    @Test
    void rejectsInconsistentHistoryNamingEachFieldAndStoresNothing() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String body = Fixtures.assessmentBody(practitionerId, false)
                .replace("\"painDurationMonths\": 9", "\"painDurationMonths\": 9, \"onsetDate\": \"2026-01-01\"")
                .replace("[\"LOW_BACK\", \"SCIATICA_LEFT\"]", "[\"SCIATICA_LEFT\", \"SCIATICA_RIGHT\"]")
                .replace("\"fever\": false, ", "")
                .replace("\"daysPerWeek\": 5", "\"daysPerWeek\": 8");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("onsetDate"))
                .body("errors.field", hasItem("painSites"))
                .body("errors.field", hasItem("redFlags.fever"))
                .body("errors.field", hasItem("analgesics[0].daysPerWeek"));
        assertThat(counts.rows("intake_assessment", clinicId)).isZero();
        assertThat(counts.patientEvents(clinicId)).isEqualTo(1);
    }

    @Test
    void rejectsAnAssessmentDatedInTheFuture() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String body = Fixtures.assessmentBody(practitionerId, false)
                .replaceFirst(
                        "\"assessedOn\": \"[0-9-]+\"",
                        "\"assessedOn\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("assessedOn"));
    }

    @Test
    void refusesAnAssessorFromAnotherClinicWith422() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        String foreignPractitioner = Fixtures.practitioner(Fixtures.clinic());
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(foreignPractitioner, false))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("assessedBy"));
        assertThat(counts.rows("intake_assessment", clinicId)).isZero();
    }

    @Test
    void aPositiveRedFlagBlocksTheEpisodeUntilAPractitionerAcknowledgesIt() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        Fixtures.consent(clinicId, patientId, "TREATMENT");
        String assessmentId = asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(practitionerId, true))
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments")
                .then()
                .statusCode(201)
                .body("redFlagPositive", equalTo(true))
                .body("referBeforeNeedling", equalTo(true))
                .extract()
                .path("id");
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId))
                .then()
                .body("referBeforeNeedling", equalTo(true));

        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC)))
                .when()
                .post(patientPath(clinicId, patientId) + "/episodes")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:refer-before-needling"));
        assertThat(counts.rows("episode", clinicId)).isZero();

        given().auth()
                .oauth2(TestTokens.practitioner(UUID.fromString(clinicId), UUID.fromString(practitionerId)))
                .contentType(ContentType.JSON)
                .body("{\"practitionerId\": \"" + practitionerId
                        + "\", \"note\": \"Cancer in remission 12 years; GP agrees\"}")
                .when()
                .post(patientPath(clinicId, patientId) + "/intake-assessments/" + assessmentId
                        + "/red-flag-acknowledgement")
                .then()
                .statusCode(200)
                .body("referBeforeNeedling", equalTo(false))
                .body("redFlagAcknowledgement.practitionerId", equalTo(practitionerId))
                .body("redFlagAcknowledgement.acknowledgedAt", notNullValue())
                .body("redFlagAcknowledgement.note", equalTo("Cancer in remission 12 years; GP agrees"));
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId))
                .then()
                .body("referBeforeNeedling", equalTo(false));

        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC)))
                .when()
                .post(patientPath(clinicId, patientId) + "/episodes")
                .then()
                .statusCode(201);
    }

    @Test
    void refusesToAcknowledgeTwiceOrWithoutARedFlag() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String flagged = Fixtures.assessment(clinicId, patientId, practitionerId, true);
        String clear = Fixtures.assessment(clinicId, patientId, practitionerId, false);
        String acknowledgement = "{\"practitionerId\": \"" + practitionerId + "\", \"note\": \"Reviewed\"}";
        String base = patientPath(clinicId, patientId) + "/intake-assessments/";
        String token = TestTokens.practitioner(UUID.fromString(clinicId), UUID.fromString(practitionerId));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(acknowledgement)
                .when()
                .post(base + flagged + "/red-flag-acknowledgement")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(acknowledgement)
                .when()
                .post(base + flagged + "/red-flag-acknowledgement")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:invalid-state"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(acknowledgement)
                .when()
                .post(base + clear + "/red-flag-acknowledgement")
                .then()
                .statusCode(409);
    }

    @Test
    void anAcknowledgementNeedsANoteAndAPractitionerOfTheClinic() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String flagged = Fixtures.assessment(clinicId, patientId, practitionerId, true);
        String path = patientPath(clinicId, patientId) + "/intake-assessments/" + flagged + "/red-flag-acknowledgement";
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.fromString(clinicId), UUID.fromString(practitionerId)))
                .contentType(ContentType.JSON)
                .body("{\"practitionerId\": \"" + practitionerId + "\"}")
                .when()
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        // The acknowledger is the caller: a sign-in linked to no practitioner of this clinic cannot acknowledge.
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.fromString(clinicId), UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body("{\"note\": \"ok\"}")
                .when()
                .post(path)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:meridian:problem:practitioner-link-required"));
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId))
                .then()
                .body("referBeforeNeedling", equalTo(true));
    }

    @Test
    void hidesAnotherClinicsAssessmentBehind404() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String assessmentId = Fixtures.assessment(clinicId, patientId, practitionerId, false);
        String otherClinic = Fixtures.clinic();
        asStaffOf(otherClinic)
                .when()
                .get(patientPath(otherClinic, patientId) + "/intake-assessments/" + assessmentId)
                .then()
                .statusCode(404);
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, Fixtures.patient(clinicId)) + "/intake-assessments/" + assessmentId)
                .then()
                .statusCode(404);
    }
}
