package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.meridian.intake.Fixtures.asStaffOf;
import static org.meridian.intake.Fixtures.hoursAgo;
import static org.meridian.intake.Fixtures.patientPath;
import static org.meridian.intake.Fixtures.sessionBody;
import static org.meridian.intake.Fixtures.sessionsPath;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.intake.TableCounts;
import org.meridian.platform.test.security.TestTokens;

/**
 * Who did something is the caller, from their token: a red-flag acknowledgement always records the calling
 * practitioner; a session or an intake history names the practitioner who performed it, which a practitioner can
 * only be themselves and a clinic admin entering a record may choose, and the record keeps who entered it.
 */
@QuarkusTest
class WhoDidWhatTest {

    private static final String ACTING_FOR_ANOTHER = "urn:meridian:problem:acting-for-another";
    private static final String LINK_REQUIRED = "urn:meridian:problem:practitioner-link-required";

    @Inject
    TableCounts counts;

    private static String token(String clinicId, String practitionerId, String subject) {
        return TestTokens.claims("practitioner")
                .subject(subject)
                .claim("clinic_id", clinicId)
                .claim("practitioner_id", practitionerId)
                .sign();
    }

    private static String adminToken(String clinicId, String subject) {
        return TestTokens.claims("clinic-admin")
                .subject(subject)
                .claim("clinic_id", clinicId)
                .sign();
    }

    @Test
    void aRedFlagAcknowledgementRecordsTheCallerAndRefusesAnotherPractitionerNamedInTheBody() {
        String clinicId = Fixtures.clinic();
        String mei = Fixtures.practitioner(clinicId);
        String tom = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String flagged = Fixtures.assessment(clinicId, patientId, mei, true);
        String path = patientPath(clinicId, patientId) + "/intake-assessments/" + flagged + "/red-flag-acknowledgement";

        given().auth()
                .oauth2(token(clinicId, mei, "mei"))
                .contentType(ContentType.JSON)
                .body("{\"practitionerId\": \"" + tom + "\", \"note\": \"Reviewed on Tom's behalf\"}")
                .when()
                .post(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(ACTING_FOR_ANOTHER))
                .body("errors[0].field", equalTo("practitionerId"));
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId))
                .then()
                .body("referBeforeNeedling", equalTo(true));

        given().auth()
                .oauth2(token(clinicId, mei, "mei"))
                .contentType(ContentType.JSON)
                .body("{\"note\": \"Cancer in remission 12 years; GP agrees\"}")
                .when()
                .post(path)
                .then()
                .statusCode(200)
                .body("redFlagAcknowledgement.practitionerId", equalTo(mei))
                .body("referBeforeNeedling", equalTo(false));
    }

    @Test
    void aSignInWithoutAPractitionerRecordCannotAcknowledgeRedFlags() {
        String clinicId = Fixtures.clinic();
        String mei = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String flagged = Fixtures.assessment(clinicId, patientId, mei, true);
        String path = patientPath(clinicId, patientId) + "/intake-assessments/" + flagged + "/red-flag-acknowledgement";
        String body = "{\"practitionerId\": \"" + mei + "\", \"note\": \"Reviewed\"}";

        given().auth()
                .oauth2(TestTokens.practitioner(UUID.fromString(clinicId)))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(403)
                .body("type", equalTo(LINK_REQUIRED));
        // A link to a practitioner of another clinic is no link here.
        String elsewhere = Fixtures.practitioner(Fixtures.clinic());
        given().auth()
                .oauth2(token(clinicId, elsewhere, "stranger"))
                .contentType(ContentType.JSON)
                .body("{\"note\": \"Reviewed\"}")
                .when()
                .post(path)
                .then()
                .statusCode(403)
                .body("type", equalTo(LINK_REQUIRED));
        asStaffOf(clinicId)
                .when()
                .get(patientPath(clinicId, patientId))
                .then()
                .body("referBeforeNeedling", equalTo(true));
    }

    @Test
    void aPractitionerRecordsOnlyTheirOwnSessionsAndTheRecordSaysWhoEnteredIt() {
        CareSetup care = Fixtures.careSetup();
        String tom = Fixtures.practitioner(care.clinicId());
        String path = sessionsPath(care.clinicId(), care.episodeId());

        given().auth()
                .oauth2(token(care.clinicId(), care.practitionerId(), "mei"))
                .contentType(ContentType.JSON)
                .body(sessionBody(tom, hoursAgo(3)))
                .when()
                .post(path)
                .then()
                .statusCode(403)
                .body("type", equalTo(ACTING_FOR_ANOTHER))
                .body("errors[0].field", equalTo("practitionerId"));
        assertThat(counts.rows("treatment_session", care.clinicId())).isZero();

        given().auth()
                .oauth2(token(care.clinicId(), care.practitionerId(), "mei"))
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(3))
                        .replaceFirst("\"practitionerId\": \"[0-9a-f-]+\",", ""))
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .body("practitionerId", equalTo(care.practitionerId()))
                .body("enteredBy.subject", equalTo("mei"))
                .body("enteredBy.practitionerId", equalTo(care.practitionerId()));
    }

    @Test
    void aClinicAdminEnteringAPaperRecordNamesThePractitionerAndIsRecordedAsTheEnterer() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = given().auth()
                .oauth2(adminToken(care.clinicId(), "front-desk"))
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(30)))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(201)
                .body("practitionerId", equalTo(care.practitionerId()))
                .body("enteredBy.subject", equalTo("front-desk"))
                .body("enteredBy.practitionerId", nullValue())
                .extract()
                .path("id");
        // Without a practitioner record of their own, the admin must say who needled.
        given().auth()
                .oauth2(adminToken(care.clinicId(), "front-desk"))
                .contentType(ContentType.JSON)
                .body(sessionBody(care.practitionerId(), hoursAgo(3))
                        .replaceFirst("\"practitionerId\": \"[0-9a-f-]+\",", ""))
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("practitionerId"));

        given().auth()
                .oauth2(adminToken(care.clinicId(), "front-desk"))
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"RECORDED_IN_ERROR\"}")
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/cancellation")
                .then()
                .statusCode(200)
                .body("cancelledBy.subject", equalTo("front-desk"));
    }

    @Test
    void theIntakeHistoryFollowsTheSessionRule() {
        String clinicId = Fixtures.clinic();
        String mei = Fixtures.practitioner(clinicId);
        String tom = Fixtures.practitioner(clinicId);
        String patientId = Fixtures.patient(clinicId);
        String path = patientPath(clinicId, patientId) + "/intake-assessments";
        given().auth()
                .oauth2(token(clinicId, mei, "mei"))
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(tom, false))
                .when()
                .post(path)
                .then()
                .statusCode(403)
                .body("type", equalTo(ACTING_FOR_ANOTHER))
                .body("errors[0].field", equalTo("assessedBy"));
        assertThat(counts.rows("intake_assessment", clinicId)).isZero();
        given().auth()
                .oauth2(adminToken(clinicId, "front-desk"))
                .contentType(ContentType.JSON)
                .body(Fixtures.assessmentBody(tom, false))
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .body("assessedBy", equalTo(tom))
                .body("enteredBy.subject", equalTo("front-desk"));
    }

    @Test
    void adverseEventsAndEpisodeTransitionsRecordTheCaller() {
        CareSetup care = Fixtures.careSetup();
        String sessionId = Fixtures.session(care);
        given().auth()
                .oauth2(token(care.clinicId(), care.practitionerId(), "mei"))
                .contentType(ContentType.JSON)
                .body("{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false}")
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/adverse-events")
                .then()
                .statusCode(201)
                .body("reportedBy.subject", equalTo("mei"))
                .body("reportedBy.practitionerId", equalTo(care.practitionerId()));

        String episode = patientPath(care.clinicId(), care.patientId()) + "/episodes/" + care.episodeId();
        given().auth()
                .oauth2(token(care.clinicId(), care.practitionerId(), "mei"))
                .contentType(ContentType.JSON)
                .body("{\"status\": \"DISCONTINUED\", \"reason\": \"WORSENING\"}")
                .when()
                .post(episode + "/transitions")
                .then()
                .statusCode(200)
                .body("closedBy.subject", equalTo("mei"))
                .body("closedBy.practitionerId", equalTo(care.practitionerId()))
                // Activated by the first session, entered with the staff token of the test fixtures.
                .body("activatedBy.practitionerId", nullValue());
    }
}
