package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.meridian.outcomes.Submissions.answers;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.odi;
import static org.meridian.outcomes.Submissions.post;
import static org.meridian.outcomes.Submissions.with;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.TestTokens;

/**
 * A scripted course of care: baseline NRS/ODI/PEG two days before the episode starts, six sessions two or three days apart with
 * pre/post NRS, a 4-week follow-up with NRS, ODI (30/45 -> 21/45, exactly 30 %), PEG and PGIC.
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class ProgressResourceTest {

    private static final int[] PRE = {8, 7, 7, 6, 5, 4};
    private static final int[] POST = {5, 5, 4, 4, 3, 2};

    @Inject
    IntakeFeedConsumer consumer;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID episode = UUID.randomUUID();
    private final List<UUID> sessions = new ArrayList<>();
    private final LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(60);
    private final String practitioner = TestTokens.practitioner(clinic);

    @BeforeEach
    void scriptACourseOfCare() {
        IntakeScript script = IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, start);
        for (int number = 1; number <= PRE.length; number++) {
            UUID session = UUID.randomUUID();
            sessions.add(session);
            script.sessionRecorded(clinic, patient, episode, session, number, sessionStart(number));
        }
        script.publish();
        consumer.poll();

        OffsetDateTime baseline = at(start.minusDays(2), 10);
        submit(body("NRS_BACK_PAIN", "BASELINE", baseline, nrs(8)));
        submit(body("ODI", "BASELINE", baseline, odi(3, 2, 4, 3, 3, 4, 2, null, 5, 4)));
        submit(body(
                "PEG", "BASELINE", baseline, answers("peg_pain", 7, "peg_enjoyment", 7, "peg_general_activity", 7)));
        for (int number = 1; number <= PRE.length; number++) {
            Instant sessionStart = sessionStart(number);
            submit(with(
                    body(
                            "NRS_BACK_PAIN",
                            "PRE_SESSION",
                            sessionStart.minus(10, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                            nrs(PRE[number - 1])),
                    "sessionId",
                    sessions.get(number - 1)));
            long minutesAfter = number == PRE.length ? 180 : 60;
            submit(with(
                    body(
                            "NRS_BACK_PAIN",
                            "POST_SESSION",
                            sessionStart.plus(minutesAfter, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                            nrs(POST[number - 1])),
                    "sessionId",
                    sessions.get(number - 1)));
        }
        OffsetDateTime followUp = at(start.plusDays(28), 8);
        submit(with(body("NRS_BACK_PAIN", "FOLLOW_UP", followUp, nrs(3)), "followUpWeeks", 4));
        submit(with(body("ODI", "FOLLOW_UP", followUp, odi(2, 2, 3, 2, 2, 3, 2, null, 3, 2)), "followUpWeeks", 4));
        submit(with(
                body(
                        "PEG",
                        "FOLLOW_UP",
                        followUp,
                        answers("peg_pain", 5, "peg_enjoyment", 5, "peg_general_activity", 5)),
                "followUpWeeks",
                4));
        submit(with(body("PGIC", "FOLLOW_UP", followUp, answers("pgic", 2)), "followUpWeeks", 4));
    }

    @Test
    void odiFrom30Of45To21Of45IsExactlyA30PercentResponder() {
        JsonPath odi = measure(episodeProgress(), "ODI");
        assertThat(odi.getString("baseline.scoreExact")).isEqualTo("200/3");
        assertThat(odi.getString("latest.scoreExact")).isEqualTo("140/3");
        assertThat(odi.getFloat("baseline.score")).isEqualTo(66.6667f);
        assertThat(odi.getFloat("change.percentImprovement")).isEqualTo(30.0f);
        assertThat(odi.getBoolean("change.responderRelative")).isTrue();
        assertThat(odi.getBoolean("change.improvedAtLeast30Percent")).isTrue();
        assertThat(odi.getBoolean("change.responderAbsolute")).isTrue();
        assertThat(odi.getBoolean("change.deteriorationRelative")).isFalse();
        assertThat(odi.getBoolean("responder")).isTrue();
        assertThat(odi.getInt("firstResponse.sessionsBefore")).isEqualTo(6);
    }

    @Test
    void nrsChangeUsesTheBaselineAndTheLatestCourseValueAndCountsSessionsToFirstResponse() {
        JsonPath nrs = measure(episodeProgress(), "NRS_BACK_PAIN");
        assertThat(nrs.getString("baseline.timepoint")).isEqualTo("BASELINE");
        assertThat(nrs.getFloat("baseline.score")).isEqualTo(8.0f);
        assertThat(nrs.getString("latest.timepoint")).isEqualTo("FOLLOW_UP");
        assertThat(nrs.getFloat("change.change")).isEqualTo(-5.0f);
        assertThat(nrs.getFloat("change.improvement")).isEqualTo(5.0f);
        assertThat(nrs.getFloat("change.percentImprovement")).isEqualTo(62.5f);
        assertThat(nrs.getBoolean("change.improvedAtLeast50Percent")).isTrue();
        // 8 -> 6 before session 4 is the first 2-point improvement: three sessions had been held.
        assertThat(nrs.getInt("firstResponse.sessionsBefore")).isEqualTo(3);
        assertThat(nrs.getInt("assessmentCount")).isEqualTo(14);
    }

    @Test
    void pegHasNoAbsoluteMcidAndPgicCountsMuchImprovedAsResponder() {
        JsonPath progress = episodeProgress();
        JsonPath peg = measure(progress, "PEG");
        assertThat(peg.getFloat("change.percentImprovement")).isEqualTo(28.5714f);
        assertThat(peg.getString("change.responderAbsolute")).isNull();
        assertThat(peg.getBoolean("change.responderRelative")).isFalse();
        assertThat(peg.getBoolean("responder")).isFalse();
        JsonPath pgic = measure(progress, "PGIC");
        assertThat(pgic.getBoolean("responder")).isTrue();
        assertThat(pgic.getString("change")).isNull();
        assertThat(pgic.getString("changeNote")).contains("codes 1-2");
        assertThat(progress.getInt("sessionsHeld")).isEqualTo(6);
    }

    @Test
    void reportsWithinSessionChangeOfPainForEverySession() {
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(base() + "/episodes/" + episode + "/progress")
                .then()
                .statusCode(200)
                .body("withinSession", hasSize(6))
                .body("withinSession.sessionNumber", contains(1, 2, 3, 4, 5, 6))
                .body("withinSession[0].pre", equalTo(8))
                .body("withinSession[0].post", equalTo(5))
                .body("withinSession[0].change.change", equalTo(-3))
                .body("withinSession[0].change.percentImprovement", equalTo(37.5f))
                .body("withinSession[0].change.responder", equalTo(true))
                .body("withinSession[1].change.responder", equalTo(true))
                .body("withinSession[3].change.responderAbsolute", equalTo(true))
                .body("withinSession[5].postLate", equalTo(true))
                .body("withinSession[0].postLate", equalTo(false));
    }

    @Test
    void servesTrajectoriesInTimeOrderWithSessionNumbers() {
        given().auth()
                .oauth2(practitioner)
                .queryParam("instrument", "NRS_BACK_PAIN")
                .when()
                .get(base() + "/trajectory")
                .then()
                .statusCode(200)
                .body("series", hasSize(1))
                .body("series[0].instrumentCode", equalTo("NRS_BACK_PAIN"))
                .body("series[0].direction", equalTo("HIGHER_IS_WORSE"))
                .body("series[0].points", hasSize(14))
                .body("series[0].points.timepoint[0]", equalTo("BASELINE"))
                .body("series[0].points.sessionNumber", contains(null, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, null))
                .body("series[0].points.score", contains(8, 8, 5, 7, 5, 7, 4, 6, 4, 5, 3, 4, 2, 3))
                .body("series[0].points[13].followUpWeeks", equalTo(4));
        given().auth()
                .oauth2(practitioner)
                .queryParam("episodeId", episode)
                .when()
                .get(base() + "/trajectory")
                .then()
                .statusCode(200)
                .body("series.instrumentCode", contains("NRS_BACK_PAIN", "ODI", "PEG", "PGIC"))
                .body("series[1].points.scoreExact", contains("200/3", "140/3"));
    }

    @Test
    void letsThePatientSeeTheirOwnProgressButNoOtherClinic() {
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(clinic, patient))
                .when()
                .get(base() + "/progress")
                .then()
                .statusCode(200)
                .body("measures.instrumentCode", contains("NRS_BACK_PAIN", "ODI", "PEG", "PGIC"));
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(clinic, UUID.randomUUID()))
                .when()
                .get(base() + "/progress")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get(base() + "/trajectory")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when().get(base() + "/progress").then().statusCode(401);
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(base() + "/episodes/" + UUID.randomUUID() + "/progress")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:meridian:problem:not-found"));
    }

    @Test
    void anotherClinicsStaffGetForThisPatientTheSame404AsForAnUnknownOne() {
        UUID otherClinic = UUID.randomUUID();
        String theirPractitioner = TestTokens.practitioner(otherClinic);
        UUID nobody = UUID.randomUUID();
        for (String read : List.of(
                "/progress", "/episodes/" + episode + "/progress", "/trajectory", "/schedule", "/assessments")) {
            String prefix = "/api/v1/outcomes/clinics/" + otherClinic + "/patients/";
            JsonPath foreign = given().auth()
                    .oauth2(theirPractitioner)
                    .when()
                    .get(prefix + patient + read)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .extract()
                    .jsonPath();
            JsonPath unknown = given().auth()
                    .oauth2(theirPractitioner)
                    .when()
                    .get(prefix + nobody + read)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .extract()
                    .jsonPath();
            assertThat(foreign.getString("type"))
                    .isEqualTo("urn:meridian:problem:not-found")
                    .isEqualTo(unknown.getString("type"));
            assertThat(foreign.getString("title")).isEqualTo(unknown.getString("title"));
            assertThat(foreign.getString("detail"))
                    .isEqualTo("No patient with id " + patient)
                    .isEqualTo(unknown.getString("detail").replace(nobody.toString(), patient.toString()));
        }
    }

    @Test
    void usesOnlyTheClinicsOwnEpisodesAndSessionsOfAPatientTheFeedMovedFromAnotherClinic() {
        UUID newClinic = UUID.randomUUID();
        IntakeScript.events().patientRegistered(newClinic, patient).publish();
        consumer.poll();
        String newPractitioner = TestTokens.practitioner(newClinic);
        given().auth()
                .oauth2(newPractitioner)
                .when()
                .get("/api/v1/outcomes/clinics/" + newClinic + "/patients/" + patient + "/progress")
                .then()
                .statusCode(200)
                .body("sessionsHeld", equalTo(0))
                .body("measures", hasSize(0));
        post(newPractitioner, newClinic, patient, body("NRS_BACK_PAIN", "AD_HOC", at(start.plusDays(30), 9), nrs(4)))
                .statusCode(201)
                .body("linkStatus", equalTo("LINKED"))
                .body("episodeId", nullValue());
    }

    @Test
    void aMeasureWithOnlyABaselineHasNoChangeYet() {
        UUID newcomer = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, newcomer); // issued by intake, its events not on the feed yet
        post(practitioner, clinic, newcomer, body("NRS_BACK_PAIN", "BASELINE", at(start, 9), nrs(6)))
                .statusCode(201);
        given().auth()
                .oauth2(practitioner)
                .when()
                .get("/api/v1/outcomes/clinics/" + clinic + "/patients/" + newcomer + "/progress")
                .then()
                .statusCode(200)
                .body("measures[0].baseline.score", equalTo(6))
                .body("measures[0].latest", nullValue())
                .body("measures[0].change", nullValue())
                .body("measures[0].responder", nullValue());
    }

    private JsonPath episodeProgress() {
        return given().auth()
                .oauth2(practitioner)
                .when()
                .get(base() + "/episodes/" + episode + "/progress")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath measure(JsonPath progress, String instrument) {
        List<Map<String, Object>> measures = progress.getList("measures");
        Map<String, Object> measure = measures.stream()
                .filter(m -> instrument.equals(m.get("instrumentCode")))
                .findFirst()
                .orElseThrow();
        return new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(measure)
                .toString());
    }

    private void submit(Map<String, Object> body) {
        post(practitioner, clinic, patient, body).statusCode(201);
    }

    private Instant sessionStart(int number) {
        return start.plusDays(3L * (number - 1)).atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atOffset(ZoneOffset.UTC);
    }

    private String base() {
        return "/api/v1/outcomes/clinics/" + clinic + "/patients/" + patient;
    }
}
