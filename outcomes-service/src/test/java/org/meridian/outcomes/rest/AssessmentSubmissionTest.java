package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.meridian.outcomes.Submissions.answers;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.odi;
import static org.meridian.outcomes.Submissions.path;
import static org.meridian.outcomes.Submissions.post;
import static org.meridian.outcomes.Submissions.with;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.IntakeScript;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class AssessmentSubmissionTest {

    private static final OffsetDateTime ANSWERED =
            OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(1).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    AgroalDataSource dataSource;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    /** intake issued the patient's pseudonym; its PatientRegistered event has not reached outcomes yet. */
    @BeforeEach
    void intakeIssuedThePatient() {
        IntakeScript.pseudonymIssued(clinic, patient);
    }

    @Test
    void scoresAnNrsSubmissionAndStoresItItemByItem() {
        String id = post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.containsString(path(clinic, patient) + "/"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("instrumentCode", equalTo("NRS_BACK_PAIN"))
                .body("instrumentVersion", equalTo("1.0"))
                .body("policyId", equalTo("nrs-single-item-required"))
                .body("recallPeriod", equalTo("PAST_WEEK"))
                .body("timepoint", equalTo("BASELINE"))
                .body("status", equalTo("SCORED"))
                .body("score", equalTo(6))
                .body("scoreExact", equalTo("6"))
                .body("details.instrumentCode", equalTo("NRS_BACK_PAIN"))
                .body("details.painIntensity", equalTo(6))
                .body("answers.back_pain_nrs", equalTo(6))
                .body(
                        "answeredAt",
                        equalTo(ANSWERED.withOffsetSameInstant(ZoneOffset.UTC)
                                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'"))))
                .body("linkStatus", equalTo("PENDING"));
    }

    @Test
    void scoresOdiWithOneNotApplicableSectionAsAnExactFraction() {
        post(practitioner, clinic, patient, body("ODI", "BASELINE", ANSWERED, odi(3, 2, 4, 3, 3, 4, 2, null, 5, 4)))
                .statusCode(201)
                .body("instrumentVersion", equalTo("2.1a"))
                .body("score", equalTo(66.6667f))
                .body("scoreExact", equalTo("200/3"))
                .body("details.instrumentCode", equalTo("ODI"))
                .body("details.total", equalTo(30))
                .body("details.sectionsAnswered", equalTo(9))
                .body("details.percent", equalTo(66.6667f))
                .body("details.category", equalTo("CRIPPLED"))
                .body("answers.odi_08_sex_life", nullValue())
                .body("answers", org.hamcrest.Matchers.hasKey("odi_08_sex_life"))
                .body("itemsMissing", contains("odi_08_sex_life"));
    }

    @Test
    void scoresEveryOtherInstrumentOfTheRegistry() {
        Map<String, Object> rmdq = new LinkedHashMap<>();
        for (int item = 1; item <= 24; item++) {
            rmdq.put("rmdq_%02d".formatted(item), item <= 10 ? 1 : 0);
        }
        post(practitioner, clinic, patient, body("RMDQ", "BASELINE", ANSWERED, rmdq))
                .statusCode(201)
                .body("score", equalTo(10))
                .body("scoreExact", equalTo("10"))
                .body("details.instrumentCode", equalTo("RMDQ"))
                .body("details.total", equalTo(10));
        post(practitioner, clinic, patient, body("NRS_LEG_PAIN", "BASELINE", ANSWERED, answers("leg_pain_nrs", 3)))
                .statusCode(201)
                .body("score", equalTo(3))
                .body("details.instrumentCode", equalTo("NRS_LEG_PAIN"))
                .body("details.painIntensity", equalTo(3));
        post(
                        practitioner,
                        clinic,
                        patient,
                        body(
                                "PEG",
                                "BASELINE",
                                ANSWERED,
                                answers("peg_pain", 3, "peg_enjoyment", 4, "peg_general_activity", 4)))
                .statusCode(201)
                .body("score", equalTo(3.6667f))
                .body("scoreExact", equalTo("11/3"))
                .body("details.total", equalTo(11))
                .body("details.mean", equalTo(3.6667f));
        Map<String, Object> startBack = new LinkedHashMap<>();
        for (int item = 1; item <= 8; item++) {
            startBack.put("sbt_%02d".formatted(item), 1);
        }
        startBack.put("sbt_09_bothersomeness", 4);
        post(practitioner, clinic, patient, body("STARTBACK", "BASELINE", ANSWERED, startBack))
                .statusCode(201)
                .body("score", equalTo(9))
                .body("details.category", equalTo("HIGH"))
                .body("details.total", equalTo(9))
                .body("details.subscales.psychosocial", equalTo(5));
        post(
                        practitioner,
                        clinic,
                        patient,
                        body(
                                "PROMIS_PI_4A",
                                "BASELINE",
                                ANSWERED,
                                answers("PAININ9", 1, "PAININ22", 1, "PAININ31", 1, "PAININ34", 1)))
                .statusCode(201)
                .body("score", equalTo(41.6f))
                .body("details.category", equalTo("WITHIN_NORMAL_LIMITS"))
                .body("details.total", equalTo(4))
                .body("details.tScore", equalTo(41.6f))
                .body("details.standardError", equalTo(6.1f));
        post(practitioner, clinic, patient, body("PGIC", "AD_HOC", ANSWERED, answers("pgic", 2)))
                .statusCode(201)
                .body("score", equalTo(2))
                .body("details.improved", equalTo(true))
                .body("recallPeriod", equalTo("SINCE_START_OF_TREATMENT"));
        post(
                        practitioner,
                        clinic,
                        patient,
                        body(
                                "NIH_ISS",
                                "BASELINE",
                                ANSWERED,
                                answers(
                                        "PFA11",
                                        5,
                                        "PFA21",
                                        5,
                                        "PFA23",
                                        5,
                                        "PFA53",
                                        5,
                                        "PAININ9",
                                        1,
                                        "PAININ22",
                                        1,
                                        "PAININ31",
                                        1,
                                        "PAININ34",
                                        1,
                                        "pain_intensity_0_10",
                                        0)))
                .statusCode(201)
                .body("score", equalTo(8))
                .body("details.category", equalTo("MILD"))
                .body("details.total", equalTo(8))
                .body("details.subscales.physicalFunction", equalTo(4));

        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(7));
    }

    @Test
    void replaysASubmissionWithTheSameIdempotencyKey() {
        Map<String, Object> body = body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(7));
        ExtractableResponse<Response> first = post(practitioner, clinic, patient, "retry-1", body)
                .statusCode(201)
                .extract();
        ExtractableResponse<Response> replay = post(practitioner, clinic, patient, "retry-1", body)
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .extract();
        assertThat(replay.asString()).isEqualTo(first.asString());
        assertThat(rowsWithKey("retry-1")).isEqualTo(1);
    }

    @Test
    void answersTheFirstSubmissionExactlyAsItsReplaysAndReadsWhereTheDatabaseNormalisesIt() {
        // nanoseconds (PostgreSQL keeps microseconds), an exact fraction, and items whose jsonb key order differs
        Map<String, Object> body =
                body("ODI", "BASELINE", ANSWERED.plusNanos(123_456_789), odi(3, 2, 4, 3, 3, 4, 2, null, 5, 4));
        ExtractableResponse<Response> first = post(practitioner, clinic, patient, "normalised-1", body)
                .statusCode(201)
                .extract();
        ExtractableResponse<Response> replay = post(practitioner, clinic, patient, "normalised-1", body)
                .statusCode(200)
                .extract();
        String read = given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + first.path("id"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(first.asString()).isEqualTo(replay.asString()).isEqualTo(read);
        assertThat(first.<String>path("answeredAt")).contains(".123457");
    }

    @Test
    void treatsTheBodysSubmissionIdAsTheIdempotencyKey() {
        UUID submissionId = UUID.randomUUID();
        Map<String, Object> body =
                with(body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(4)), "submissionId", submissionId);
        String id = post(practitioner, clinic, patient, body)
                .statusCode(201)
                .body("submissionId", equalTo(submissionId.toString()))
                .extract()
                .path("id");
        post(practitioner, clinic, patient, body).statusCode(200).body("id", equalTo(id));
        assertThat(rowsWithKey(submissionId.toString())).isEqualTo(1);
    }

    @Test
    void concurrentIdenticalSubmissionsCreateExactlyOneRow() throws Exception {
        Map<String, Object> body = body("ODI", "BASELINE", ANSWERED, odi(3, 2, 4, 3, 3, 4, 2, null, 5, 4));
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return post(practitioner, clinic, patient, "burst-1", body).extract();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            Set<String> ids = new HashSet<>();
            Set<String> bodies = new HashSet<>();
            int created = 0;
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isIn(200, 201);
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(response.path("id"));
                bodies.add(response.asString());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
            assertThat(bodies).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rowsWithKey("burst-1")).isEqualTo(1);
    }

    @Test
    void refusesAReplayWithADifferentBodyAs409() {
        post(practitioner, clinic, patient, "reused", body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(5)))
                .statusCode(201);
        post(practitioner, clinic, patient, "reused", body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(2)))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:conflict"));
        assertThat(rowsWithKey("reused")).isEqualTo(1);
    }

    /** A stored submission is found by its insert, after validation: a key reused with refusable answers stays a 409. */
    @Test
    void refusesAReplayWithAnswersThatCannotBeScoredAs409Too() {
        post(practitioner, clinic, patient, "reused-bad", body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(5)))
                .statusCode(201);
        post(practitioner, clinic, patient, "reused-bad", body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(42)))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:conflict"));
        post(practitioner, clinic, patient, "reused-bad", body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(5)))
                .statusCode(200);
        assertThat(rowsWithKey("reused-bad")).isEqualTo(1);
    }

    @Test
    void rejectsUnscoreableAnswersWith422NamingEachItemAndStoresNothing() {
        Map<String, Object> answers = odi(3, 2, 9, null, 3, 4, 2, null, 5, 4);
        post(practitioner, clinic, patient, "bad-odi", body("ODI", "BASELINE", ANSWERED, answers))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:unprocessable"))
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "answers.odi_03_lifting", "answers.odi_04_walking", "answers.odi_08_sex_life"));
        assertThat(rowsOfPatient()).isZero();
    }

    @Test
    void rejectsAnInvalidAnswerEvenInADraft() {
        Map<String, Object> body = with(body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(11)), "draft", true);
        post(practitioner, clinic, patient, body)
                .statusCode(422)
                .body("errors[0].field", equalTo("answers.back_pain_nrs"));
        post(
                        practitioner,
                        clinic,
                        patient,
                        body("NRS_BACK_PAIN", "BASELINE", ANSWERED, answers("back_pain_nrs", "six")))
                .statusCode(422)
                .body("errors[0].field", equalTo("answers.back_pain_nrs"));
        post(
                        practitioner,
                        clinic,
                        patient,
                        body("NRS_BACK_PAIN", "BASELINE", ANSWERED, answers("back_pain_nrs", 6, "extra", 1)))
                .statusCode(422)
                .body("errors[0].field", equalTo("answers.extra"));
        assertThat(rowsOfPatient()).isZero();
    }

    @Test
    void refusesANumberWhereTheContractSaysStringAndANulCharacterWith400() {
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(1)), "instrumentCode", 7))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("instrumentCode"));
        post(practitioner, clinic, patient, body("NRS_BACK_PAIN\u0000", "BASELINE", ANSWERED, nrs(1)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("instrumentCode"));
        assertThat(rowsOfPatient()).isZero();
    }

    @Test
    void refusesANulCharacterInAQueryParameterWith400() {
        given().auth()
                .oauth2(practitioner)
                .urlEncodingEnabled(false)
                .queryParam("instrument", "NRS%00")
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("instrument"));
    }

    /** The document bounds these strings by what is stored (maxLength); a longer one is a 400 naming it. */
    @Test
    void refusesARecallPeriodOrAnInstrumentFilterLongerThanTheDocumentAllowsWith400() {
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(1)), "recallPeriod", "P".repeat(33)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body("errors[0].field", equalTo("recallPeriod"));
        assertThat(rowsOfPatient()).isZero();
        given().auth()
                .oauth2(practitioner)
                .queryParam("instrument", "N".repeat(33))
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("instrument"));
    }

    @Test
    void rejectsAnUnknownInstrumentOrVersionWith422() {
        post(practitioner, clinic, patient, body("SF36", "BASELINE", ANSWERED, nrs(1)))
                .statusCode(422)
                .body("errors[0].field", equalTo("instrumentCode"));
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body("ODI", "BASELINE", ANSWERED, odi(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)),
                                "instrumentVersion",
                                "2.0"))
                .statusCode(422)
                .body("errors[0].field", equalTo("instrumentVersion"));
    }

    @Test
    void storesAnIncompleteDraftAndScoresItWhenCompleted() {
        Map<String, Object> partial = answers("peg_pain", 6, "peg_enjoyment", null);
        ExtractableResponse<Response> draft = post(
                        practitioner, clinic, patient, with(body("PEG", "BASELINE", ANSWERED, partial), "draft", true))
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("score", nullValue())
                .body("itemsMissing", contains("peg_enjoyment", "peg_general_activity"))
                .extract();
        String id = draft.path("id");
        String etag = draft.header("ETag");

        given().auth()
                .oauth2(practitioner)
                .contentType(ContentType.JSON)
                .body(Map.of("answers", answers("peg_pain", 6, "peg_enjoyment", 5)))
                .header("If-Match", etag)
                .when()
                .put(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("answers.peg_general_activity"));

        given().auth()
                .oauth2(practitioner)
                .contentType(ContentType.JSON)
                .body(Map.of("answers", answers("peg_pain", 6, "peg_enjoyment", 5, "peg_general_activity", 4)))
                .when()
                .put(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");

        given().auth()
                .oauth2(practitioner)
                .contentType(ContentType.JSON)
                .body(Map.of("answers", answers("peg_pain", 6, "peg_enjoyment", 5, "peg_general_activity", 4)))
                .header("If-Match", etag)
                .when()
                .put(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("SCORED"))
                .body("score", equalTo(5))
                .body("version", equalTo(1));

        given().auth()
                .oauth2(practitioner)
                .contentType(ContentType.JSON)
                .body(Map.of("answers", answers("peg_pain", 1, "peg_enjoyment", 1, "peg_general_activity", 1)))
                .header("If-Match", etag)
                .when()
                .put(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(practitioner)
                .contentType(ContentType.JSON)
                .body(Map.of("answers", answers("peg_pain", 1, "peg_enjoyment", 1, "peg_general_activity", 1)))
                .header("If-Match", "\"1\"")
                .when()
                .put(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:meridian:problem:conflict"));
    }

    @Test
    void requiresTheSessionForSessionTimepointsAndTheWeeksForFollowUps() {
        post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "POST_SESSION", ANSWERED, nrs(3)))
                .statusCode(400)
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body("errors[0].field", equalTo("sessionId"));
        post(practitioner, clinic, patient, body("ODI", "FOLLOW_UP", ANSWERED, odi(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)))
                .statusCode(400)
                .body("errors[0].field", equalTo("followUpWeeks"));
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(body("ODI", "FOLLOW_UP", ANSWERED, odi(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)), "weeks", 12))
                .statusCode(201)
                .body("followUpWeeks", equalTo(12));
        given().auth()
                .oauth2(practitioner)
                .contentType(ContentType.JSON)
                .body(
                        "{\"instrumentCode\":\"NRS_BACK_PAIN\",\"timepoint\":\"BASELINE\",\"answers\":{\"back_pain_nrs\":2}}")
                .when()
                .post(path(clinic, patient))
                .then()
                .statusCode(400)
                .body("errors.field", contains("answeredAt"));
        given().auth()
                .oauth2(practitioner)
                .contentType(ContentType.JSON)
                .body(
                        "{\"instrumentCode\":\"NRS_BACK_PAIN\",\"timepoint\":\"LATER\",\"answeredAt\":\"2026-01-01T00:00:00Z\",\"answers\":{}}")
                .when()
                .post(path(clinic, patient))
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:meridian:problem:malformed-request"));
    }

    @Test
    void aPreSessionNrsUsesRightNowRecall() {
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(body("NRS_BACK_PAIN", "PRE_SESSION", ANSWERED, nrs(5)), "sessionId", UUID.randomUUID()))
                .statusCode(201)
                .body("recallPeriod", equalTo("RIGHT_NOW"))
                .body("linkStatus", equalTo("PENDING"));
    }

    @Test
    void refusesCallsWithoutAToken() {
        given().contentType(ContentType.JSON)
                .body(body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .when()
                .post(path(clinic, patient))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().when().get(path(clinic, patient)).then().statusCode(401);
    }

    @Test
    void hidesAnotherClinicsPatientsAs404() {
        String id = post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(201)
                .extract()
                .path("id");
        String otherClinic = TestTokens.practitioner(UUID.randomUUID());
        given().auth()
                .oauth2(otherClinic)
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(otherClinic)
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(404);
        post(otherClinic, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.clinicAdmin(clinic))
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void letsAPatientSubmitAndReadOnlyTheirOwnAssessments() {
        String own = TestTokens.pseudonymousPatient(clinic, patient);
        String id = post(own, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(own)
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(own)
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(200)
                .body("items", hasSize(1));

        String otherPatient = TestTokens.pseudonymousPatient(clinic, UUID.randomUUID());
        given().auth()
                .oauth2(otherPatient)
                .when()
                .get(path(clinic, patient) + "/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        post(otherPatient, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(404);
    }

    @Test
    void keepsResearchersAndAdminsAwayFromRowLevelAssessments() {
        given().auth()
                .oauth2(TestTokens.researcher())
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void filtersAndPaginatesAPatientsAssessmentsInAnswerOrder() {
        for (int day = 3; day >= 1; day--) {
            post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "AD_HOC", ANSWERED.minusDays(day), nrs(day)))
                    .statusCode(201);
        }
        post(practitioner, clinic, patient, body("PGIC", "AD_HOC", ANSWERED, answers("pgic", 3)))
                .statusCode(201);
        given().auth()
                .oauth2(practitioner)
                .queryParam("instrument", "NRS_BACK_PAIN")
                .queryParam("size", 2)
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("items.answers.back_pain_nrs", contains(3, 2));
        given().auth()
                .oauth2(practitioner)
                .queryParam("size", 101)
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth()
                .oauth2(practitioner)
                .queryParam("timepoint", "LATER")
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("timepoint"));
        given().auth()
                .oauth2(practitioner)
                .queryParam("episodeId", "not-a-uuid")
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("episodeId"));
    }

    private long rowsWithKey(String key) {
        return count(
                "select count(*) from outcomes.assessment where clinic_id = ? and pseudonym_id = ? and idempotency_key = ?",
                key);
    }

    private long rowsOfPatient() {
        return count("select count(*) from outcomes.assessment where clinic_id = ? and pseudonym_id = ?", null);
    }

    private long count(String sql, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, clinic);
            statement.setObject(2, patient);
            if (key != null) {
                statement.setString(3, key);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
