package org.meridian.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.meridian.intake.Fixtures.asStaffOf;
import static org.meridian.intake.Fixtures.patientPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.intake.TableCounts;

@QuarkusTest
class EpisodeResourceTest {

    @Inject
    TableCounts counts;

    private static String episodePath(CareSetup care) {
        return patientPath(care.clinicId(), care.patientId()) + "/episodes/" + care.episodeId();
    }

    private static void transition(CareSetup care, String body, int expectedStatus) {
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(episodePath(care) + "/transitions")
                .then()
                .statusCode(expectedStatus);
    }

    @Test
    void plansAnEpisodeAsPlannedAndReadsItBack() {
        CareSetup care = Fixtures.careSetup();
        asStaffOf(care.clinicId())
                .when()
                .get(episodePath(care))
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("PLANNED"))
                .body("plannedSessions", equalTo(10))
                .body("goals", equalTo("Pain <= 3/10"))
                .body("patientId", equalTo(care.patientId()));
    }

    @Test
    void showsBothClassificationsOfTheLatestIntakeAssessment() {
        CareSetup care = Fixtures.careSetup();
        asStaffOf(care.clinicId())
                .when()
                .get(episodePath(care))
                .then()
                .statusCode(200)
                .body("intakeClassification.chronicity", equalTo("CHRONIC"))
                .body("intakeClassification.ncdEligibility.status", equalTo("UNDETERMINED"))
                .body("intakeClassification.intakeAssessmentId", notNullValue());
        asStaffOf(care.clinicId())
                .when()
                .get(patientPath(care.clinicId(), care.patientId()) + "/episodes")
                .then()
                .statusCode(200)
                .body("items[0].intakeClassification.chronicity", equalTo("CHRONIC"));
    }

    @Test
    void refusesAnEpisodeBeforeTheIntakeAssessment() {
        String clinicId = Fixtures.clinic();
        String patientId = Fixtures.patient(clinicId);
        Fixtures.consent(clinicId, patientId, "TREATMENT");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC)))
                .when()
                .post(patientPath(clinicId, patientId) + "/episodes")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:intake-assessment-required"));
    }

    @Test
    void refusesAnEpisodeWithoutTreatmentConsent() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        Fixtures.assessment(clinicId, patientId, practitionerId, false);
        Fixtures.consent(clinicId, patientId, "RESEARCH");
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body(Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC)))
                .when()
                .post(patientPath(clinicId, patientId) + "/episodes")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:treatment-consent-required"));
        assertThat(counts.rows("episode", clinicId)).isZero();
    }

    @Test
    void refusesASecondOpenEpisode() {
        CareSetup care = Fixtures.careSetup();
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC)))
                .when()
                .post(patientPath(care.clinicId(), care.patientId()) + "/episodes")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:invalid-state"));
    }

    @Test
    void rejectsInvalidPlansAndStoresNothing() {
        String clinicId = Fixtures.clinic();
        String practitionerId = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        Fixtures.consent(clinicId, patientId, "TREATMENT");
        Fixtures.assessment(clinicId, patientId, practitionerId, false);
        asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"plannedSessions\": 0}")
                .when()
                .post(patientPath(clinicId, patientId) + "/episodes")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("startDate", "plannedSessions"));
        assertThat(counts.rows("episode", clinicId)).isZero();
    }

    @Test
    void followsPlannedActiveCompletedAndThenRefusesChanges() {
        CareSetup care = Fixtures.careSetup();
        transition(care, "{\"status\": \"ACTIVE\"}", 200);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"COMPLETED\", \"reason\": \"GOALS_MET\"}")
                .when()
                .post(episodePath(care) + "/transitions")
                .then()
                .statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("closedReason", equalTo("GOALS_MET"))
                .body("closedAt", notNullValue());
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"ACTIVE\"}")
                .when()
                .post(episodePath(care) + "/transitions")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:invalid-state"));
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC)))
                .when()
                .put(episodePath(care))
                .then()
                .statusCode(409);
        // A closed episode frees the patient for a new course of care.
        Fixtures.episode(care.clinicId(), care.patientId());
    }

    @Test
    void refusesToCompleteAPlannedEpisode() {
        CareSetup care = Fixtures.careSetup();
        transition(care, "{\"status\": \"COMPLETED\"}", 409);
    }

    @Test
    void discontinuingNeedsAReason() {
        CareSetup care = Fixtures.careSetup();
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"DISCONTINUED\"}")
                .when()
                .post(episodePath(care) + "/transitions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(
                        "{\"status\": \"DISCONTINUED\", \"reason\": \"NOT_IMPROVING\", \"note\": \"No change after 6 sessions\"}")
                .when()
                .post(episodePath(care) + "/transitions")
                .then()
                .statusCode(200)
                .body("closedReason", equalTo("NOT_IMPROVING"))
                .body("closedNote", equalTo("No change after 6 sessions"));
    }

    @Test
    void activationIsRefusedWhenTreatmentConsentWasWithdrawn() {
        CareSetup care = Fixtures.careSetup();
        String consentId = asStaffOf(care.clinicId())
                .when()
                .get(patientPath(care.clinicId(), care.patientId()) + "/consents")
                .then()
                .extract()
                .path("items[0].id");
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(patientPath(care.clinicId(), care.patientId()) + "/consents/" + consentId + "/withdrawal")
                .then()
                .statusCode(200);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"ACTIVE\"}")
                .when()
                .post(episodePath(care) + "/transitions")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:treatment-consent-required"));
    }

    @Test
    void updatesThePlanWithIfMatchAndRefusesAStaleOne() {
        CareSetup care = Fixtures.careSetup();
        String changed = "{\"startDate\": \"" + LocalDate.now(ZoneOffset.UTC).minusDays(20)
                + "\", \"plannedSessions\": 12, \"goals\": \"Walk 30 minutes\"}";
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(changed)
                .when()
                .put(episodePath(care))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("plannedSessions", equalTo(12));
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(changed)
                .when()
                .put(episodePath(care))
                .then()
                .statusCode(412);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(changed)
                .when()
                .put(episodePath(care))
                .then()
                .statusCode(428);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"status\": \"ACTIVE\"}")
                .when()
                .post(episodePath(care) + "/transitions")
                .then()
                .statusCode(412);
    }

    @Test
    void refusesToMoveTheStartAfterTheFirstSession() {
        CareSetup care = Fixtures.careSetup();
        Fixtures.session(care);
        String version = asStaffOf(care.clinicId())
                .when()
                .get(episodePath(care))
                .then()
                .extract()
                .header("ETag");
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .header("If-Match", version)
                .body(Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC).plusDays(3)))
                .when()
                .put(episodePath(care))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("startDate"));
    }

    @Test
    void hidesAnotherClinicsEpisodeBehind404() {
        CareSetup care = Fixtures.careSetup();
        String otherClinic = Fixtures.clinic();
        asStaffOf(otherClinic)
                .when()
                .get(patientPath(otherClinic, care.patientId()) + "/episodes/" + care.episodeId())
                .then()
                .statusCode(404);
        asStaffOf(otherClinic)
                .when()
                .get(Fixtures.sessionsPath(otherClinic, care.episodeId()))
                .then()
                .statusCode(404);
        asStaffOf(otherClinic)
                .contentType(ContentType.JSON)
                .body("{\"status\": \"ACTIVE\"}")
                .when()
                .post(patientPath(otherClinic, care.patientId()) + "/episodes/" + care.episodeId() + "/transitions")
                .then()
                .statusCode(404);
    }
}
