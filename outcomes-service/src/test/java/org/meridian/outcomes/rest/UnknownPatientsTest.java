package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.path;
import static org.meridian.outcomes.Submissions.post;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.persistence.AssessmentRepository.Expired;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.outcomes.service.PendingLinkExpiry;
import org.meridian.platform.test.security.TestTokens;

/**
 * Patients outcomes does not know: reads are the 404 of a foreign patient, a submission naming a pseudonym intake never
 * issued is refused, one made while intake cannot answer waits as PENDING and expires after the window (docs/events.md).
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class UnknownPatientsTest {

    private static final OffsetDateTime ANSWERED =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);
    private static final String EXPIRED_METER = "meridian.assessments.pending.links.expired";

    @Inject
    IntakeFeedConsumer consumer;

    @Inject
    PendingLinkExpiry expiry;

    @Inject
    MeterRegistry metrics;

    @Inject
    AgroalDataSource dataSource;

    private final UUID clinic = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    @AfterEach
    void intakeBackUp() {
        IntakeScript.intakeUp();
        consumer.resumeNow();
    }

    @Test
    void everyPatientReadAboutAnUnknownPatientIsTheSame404AsAboutAnotherClinicsPatient() {
        UUID foreign = UUID.randomUUID();
        IntakeScript.events().patientRegistered(UUID.randomUUID(), foreign).publish();
        consumer.poll();
        UUID unknown = UUID.randomUUID();
        String at = "?at=" + ANSWERED.toInstant();
        for (String read : List.of("", "/assessments", "/progress", "/trajectory", "/schedule" + at)) {
            Response toForeign = read(foreign, read);
            Response toUnknown = read(unknown, read);
            assertThat(toForeign.statusCode()).as(read).isEqualTo(404);
            assertThat(toForeign.contentType()).as(read).isEqualTo("application/problem+json");
            assertThat(comparable(toForeign, foreign)).as(read).isEqualTo(comparable(toUnknown, unknown));
            assertThat(toUnknown.jsonPath().getString("type")).isEqualTo("urn:meridian:problem:not-found");
            assertThat(toUnknown.jsonPath().getString("detail")).isEqualTo("No patient with id " + unknown);
        }
    }

    @Test
    void aFhirSearchByAnUnknownPatientFindsNothingAsForAnotherClinicsPatient() {
        UUID foreign = UUID.randomUUID();
        IntakeScript.events().patientRegistered(UUID.randomUUID(), foreign).publish();
        consumer.poll();
        for (String type : List.of("Observation", "QuestionnaireResponse")) {
            for (UUID patient : List.of(foreign, UUID.randomUUID())) {
                given().auth()
                        .oauth2(practitioner)
                        .accept("application/fhir+json")
                        .queryParam("patient:identifier", "https://meridian.example/fhir/sid/pseudonym-id|" + patient)
                        .when()
                        .get("/fhir/r4/" + type)
                        .then()
                        .statusCode(200)
                        .body("resourceType", equalTo("Bundle"))
                        .body("type", equalTo("searchset"))
                        .body("total", equalTo(0));
            }
        }
    }

    @Test
    void aFhirQuestionnaireResponseNamingAPseudonymIntakeNeverIssuedIsA404() {
        UUID neverIssued = UUID.randomUUID();
        String body = """
                {"resourceType": "QuestionnaireResponse", "status": "completed",
                 "questionnaire": "https://meridian.example/fhir/Questionnaire/nrs-leg-pain|1.0",
                 "subject": {"type": "Patient", "identifier": {
                     "system": "https://meridian.example/fhir/sid/pseudonym-id", "value": "%s"}},
                 "authored": "%s",
                 "item": [{"linkId": "leg_pain_nrs", "answer": [{"valueInteger": 2}]}]}""".formatted(neverIssued, ANSWERED.toInstant());
        given().auth()
                .oauth2(practitioner)
                .contentType("application/fhir+json")
                .accept("application/fhir+json")
                .body(body)
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then()
                .statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        assertThat(count("select count(*) from assessment where pseudonym_id = ?", neverIssued))
                .isZero();
    }

    @Test
    void aSubmissionNamingAPseudonymIntakeNeverIssuedIsRefusedLikeAnotherClinicsPatientAndNothingIsStored() {
        UUID neverIssued = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        IntakeScript.pseudonymIssued(UUID.randomUUID(), elsewhere);

        for (UUID patient : List.of(neverIssued, elsewhere)) {
            post(
                            practitioner,
                            clinic,
                            patient,
                            UUID.randomUUID().toString(),
                            body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:meridian:problem:not-found"))
                    .body("detail", equalTo("No patient with id " + patient));
            assertThat(count("select count(*) from assessment where pseudonym_id = ?", patient))
                    .isZero();
        }
    }

    @Test
    void whileIntakeCannotAnswerTheSubmissionIsKeptAsPendingAndExpiresOnceIntakeSaysItNeverIssuedThePseudonym() {
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> submission = body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6));
        IntakeScript.intakeDown();
        String first = post(practitioner, clinic, patient, key, submission)
                .statusCode(201)
                .body("linkStatus", equalTo("PENDING"))
                .extract()
                .asString();
        IntakeScript.intakeUp(); // intake answers again, and has never issued the pseudonym

        String replay = post(practitioner, clinic, patient, key, submission)
                .statusCode(200)
                .extract()
                .asString();
        assertThat(replay).isEqualTo(first);
        post(practitioner, clinic, patient, UUID.randomUUID().toString(), submission)
                .statusCode(404);

        // The next expiry run asks intake again: never issued, so the kept submission stops waiting at once.
        String id = new JsonPath(first).getString("id");
        double before = expiredCount("not_issued");
        assertThat(expiry.expire()).extracting(Expired::id).contains(UUID.fromString(id));
        assertThat(expiredCount("not_issued") - before).isGreaterThanOrEqualTo(1);
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(200)
                .body("linkStatus", equalTo("EXPIRED"));
        assertThat(count(
                        "select count(*) from audit_event where resource_id = ? and operation = ?",
                        id,
                        "PendingLinkExpiry.notIssued"))
                .isEqualTo(1);
        post(practitioner, clinic, patient, key, submission)
                .statusCode(200)
                .body("id", equalTo(id))
                .body("linkStatus", equalTo("EXPIRED"));
    }

    /** Apps retry when things are slow: a retry of a stored submission is answered without asking intake again. */
    @Test
    void aRetryWhileIntakeIsDownIsAnsweredWithoutAskingIntakeAgain() {
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> submission = body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6));
        IntakeScript.intakeDown();
        String first = post(practitioner, clinic, patient, key, submission)
                .statusCode(201)
                .body("linkStatus", equalTo("PENDING"))
                .extract()
                .asString();
        int asked = IntakeScript.lookupsOf(clinic, patient).size();
        assertThat(asked).isEqualTo(1);

        String replay = post(practitioner, clinic, patient, key, submission)
                .statusCode(200)
                .extract()
                .asString();
        assertThat(replay).isEqualTo(first);
        assertThat(IntakeScript.lookupsOf(clinic, patient)).hasSize(asked);
    }

    @Test
    void anExpiryRunWhileIntakeIsDownExpiresNothingItCannotAskAbout() {
        UUID patient = UUID.randomUUID();
        IntakeScript.intakeDown();
        String id = post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(expiry.expire()).extracting(Expired::id).doesNotContain(UUID.fromString(id));
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(200)
                .body("linkStatus", equalTo("PENDING"));
    }

    @Test
    void aPendingSubmissionOlderThanTheWindowExpiresOnceWithAnAuditEntryAndAMetricAndIsLinkedIfItsPatientComesLate()
            throws SQLException {
        UUID patient = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Map<String, Object> submission = body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6));
        IntakeScript.pseudonymIssued(clinic, patient);
        String id = post(practitioner, clinic, patient, key, submission)
                .statusCode(201)
                .body("linkStatus", equalTo("PENDING"))
                .extract()
                .path("id");
        UUID recent = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, recent);
        post(practitioner, clinic, recent, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(5)))
                .statusCode(201);
        update("update assessment set received_at = received_at - interval '8 days' where id = ?", UUID.fromString(id));
        double before = expiredCount("window");

        List<Expired> expired = expiry.expire();

        assertThat(expired).extracting(Expired::id).contains(UUID.fromString(id));
        assertThat(expired).extracting(Expired::pseudonymId).doesNotContain(recent);
        assertThat(expiredCount("window") - before).isGreaterThanOrEqualTo(1);
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("linkStatus", equalTo("EXPIRED"))
                .body("score", equalTo(6));
        assertThat(count(
                        "select count(*) from audit_event where resource_id = ? and operation = ? and http_method = ?"
                                + " and subject = ? and clinic_id = ?",
                        id,
                        "PendingLinkExpiry.expire",
                        "JOB",
                        "outcomes-service",
                        clinic))
                .isEqualTo(1);
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, recent))
                .then()
                .statusCode(200)
                .body("items[0].linkStatus", equalTo("PENDING"));

        // A second run (or another replica's) finds nothing more to expire.
        assertThat(expiry.expire()).extracting(Expired::id).doesNotContain(UUID.fromString(id));
        assertThat(count(
                        "select count(*) from audit_event where resource_id = ? and operation = ?",
                        id,
                        "PendingLinkExpiry.expire"))
                .isEqualTo(1);

        // A replay still answers the stored submission, as it is now.
        post(practitioner, clinic, patient, key, submission)
                .statusCode(200)
                .body("id", equalTo(id))
                .body("linkStatus", equalTo("EXPIRED"));

        // The patient's events arrive after all: the expired submission is linked.
        IntakeScript.events().patientRegistered(clinic, patient).publish();
        consumer.poll();
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(200)
                .body("linkStatus", equalTo("LINKED"));
    }

    @Test
    void aClientCanAskWhetherOutcomesKnowsAPatientYet() {
        UUID patient = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, patient);
        String known = "/api/v1/outcomes/clinics/" + clinic + "/patients/" + patient;
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(known)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No patient with id " + patient));

        IntakeScript.events().patientRegistered(clinic, patient).publish();
        consumer.poll();

        given().auth()
                .oauth2(practitioner)
                .when()
                .get(known)
                .then()
                .statusCode(200)
                .body("clinicId", equalTo(clinic.toString()))
                .body("pseudonymId", equalTo(patient.toString()))
                .body("known", equalTo(true))
                .body("knownSince", notNullValue());
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(clinic, patient))
                .when()
                .get(known)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get(known)
                .then()
                .statusCode(404);
    }

    /** The answer's body with the patient's id and the request id (different on every call) masked. */
    private static String comparable(Response answer, UUID patient) {
        return answer.asString()
                .replace(patient.toString(), "{id}")
                .replaceAll("\"requestId\":\"[^\"]*\"", "\"requestId\":\"{requestId}\"");
    }

    private Response read(UUID patient, String read) {
        String base = "/api/v1/outcomes/clinics/" + clinic + "/patients/" + patient;
        return given().auth().oauth2(practitioner).when().get(base + read);
    }

    private double expiredCount(String reason) {
        var counter = metrics.find(EXPIRED_METER).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
