package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.TestTokens;

/** Episode started 25 days ago; sessions 25 and 18 days ago and one that started an hour ago. */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class ScheduleResourceTest {

    @Inject
    IntakeFeedConsumer consumer;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID episode = UUID.randomUUID();
    private final UUID[] sessions = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final LocalDate start = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(25);
    private final String practitioner = TestTokens.practitioner(clinic);

    @BeforeEach
    void scriptEpisode() {
        Instant[] starts = {
            start.atTime(9, 0).toInstant(ZoneOffset.UTC),
            start.plusDays(7).atTime(9, 0).toInstant(ZoneOffset.UTC),
            now.minus(1, ChronoUnit.HOURS)
        };
        IntakeScript script = IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, start);
        for (int index = 0; index < sessions.length; index++) {
            script.sessionRecorded(clinic, patient, episode, sessions[index], index + 1, starts[index]);
        }
        script.publish();
        consumer.poll();
        var baseline = start.minusDays(1).atTime(18, 0).atOffset(ZoneOffset.UTC);
        post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", baseline, nrs(7)))
                .statusCode(201);
        post(practitioner, clinic, patient, body("ODI", "BASELINE", baseline, odi(3, 3, 3, 3, 3, 3, 3, 3, 3, 3)))
                .statusCode(201);
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body(
                                        "NRS_BACK_PAIN",
                                        "PRE_SESSION",
                                        starts[0].minus(5, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                                        nrs(7)),
                                "sessionId",
                                sessions[0]))
                .statusCode(201);
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body(
                                        "NRS_BACK_PAIN",
                                        "POST_SESSION",
                                        starts[0].plus(50, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                                        nrs(4)),
                                "sessionId",
                                sessions[0]))
                .statusCode(201);
    }

    @Test
    void tellsWhatIsDoneDueAndMissedToday() {
        JsonPath schedule = schedule(now);
        assertThat(schedule.getString("episodeId")).isEqualTo(episode.toString());
        assertThat(status(schedule, "BASELINE", "NRS_BACK_PAIN", null, null)).isEqualTo("DONE");
        assertThat(status(schedule, "BASELINE", "ODI", null, null)).isEqualTo("DONE");
        assertThat(status(schedule, "BASELINE", "PEG", null, null))
                .as("treatment has begun")
                .isEqualTo("MISSED");
        assertThat(status(schedule, "PRE_SESSION", "NRS_BACK_PAIN", 1, null)).isEqualTo("DONE");
        assertThat(status(schedule, "POST_SESSION", "NRS_BACK_PAIN", 1, null)).isEqualTo("DONE");
        assertThat(status(schedule, "PRE_SESSION", "NRS_BACK_PAIN", 2, null)).isEqualTo("MISSED");
        assertThat(status(schedule, "POST_SESSION", "NRS_BACK_PAIN", 2, null)).isEqualTo("MISSED");
        assertThat(status(schedule, "PRE_SESSION", "NRS_BACK_PAIN", 3, null)).isEqualTo("MISSED");
        assertThat(status(schedule, "POST_SESSION", "NRS_BACK_PAIN", 3, null)).isEqualTo("DUE");
        assertThat(status(schedule, "FOLLOW_UP", "ODI", null, 4))
                .as("target in 3 days, window open")
                .isEqualTo("DUE");
        assertThat(status(schedule, "FOLLOW_UP", "PGIC", null, 12)).isEqualTo("UPCOMING");
        assertThat(status(schedule, "FOLLOW_UP", "NRS_BACK_PAIN", null, 26)).isEqualTo("UPCOMING");
    }

    @Test
    void aLatePostSessionRatingIsOverdueAndAFollowUpPastItsTargetToo() {
        JsonPath later = schedule(now.plus(3, ChronoUnit.HOURS));
        assertThat(status(later, "POST_SESSION", "NRS_BACK_PAIN", 3, null)).isEqualTo("OVERDUE");
        JsonPath afterTarget = schedule(start.plusDays(28 + 3).atTime(12, 0).toInstant(ZoneOffset.UTC));
        assertThat(status(afterTarget, "FOLLOW_UP", "ODI", null, 4)).isEqualTo("OVERDUE");
        assertThat(status(afterTarget, "POST_SESSION", "NRS_BACK_PAIN", 3, null))
                .isEqualTo("MISSED");
        JsonPath windowClosed = schedule(start.plusDays(28 + 15).atTime(12, 0).toInstant(ZoneOffset.UTC));
        assertThat(status(windowClosed, "FOLLOW_UP", "ODI", null, 4)).isEqualTo("MISSED");
    }

    @Test
    void anAnsweredFollowUpIsDone() {
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body(
                                        "ODI",
                                        "FOLLOW_UP",
                                        now.minus(5, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                                        odi(2, 2, 2, 2, 2, 2, 2, 2, 2, 2)),
                                "followUpWeeks",
                                4))
                .statusCode(201);
        assertThat(status(schedule(now), "FOLLOW_UP", "ODI", null, 4)).isEqualTo("DONE");
        assertThat(status(schedule(now), "FOLLOW_UP", "PEG", null, 4)).isEqualTo("DUE");
    }

    @Test
    void aPatientWithoutAnActiveEpisodeHasNothingScheduled() {
        UUID newcomer = UUID.randomUUID();
        IntakeScript.events().patientRegistered(clinic, newcomer).publish();
        consumer.poll();
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(clinic, newcomer))
                .when()
                .get("/api/v1/outcomes/clinics/" + clinic + "/patients/" + newcomer + "/schedule")
                .then()
                .statusCode(200)
                .body("episodeId", nullValue())
                .body("items", empty());
    }

    @Test
    void aPatientIntakeHasNotAnnouncedHasNoScheduleYet() {
        UUID unannounced = UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(clinic, unannounced))
                .when()
                .get("/api/v1/outcomes/clinics/" + clinic + "/patients/" + unannounced + "/schedule")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:not-found"))
                .body("detail", equalTo("No patient with id " + unannounced));
    }

    @Test
    void aPatientSeesOnlyTheirOwnSchedule() {
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(clinic, patient))
                .when()
                .get(base() + "/schedule")
                .then()
                .statusCode(200)
                .body("episodeId", equalTo(episode.toString()));
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(clinic, UUID.randomUUID()))
                .when()
                .get(base() + "/schedule")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when().get(base() + "/schedule").then().statusCode(401);
        given().auth()
                .oauth2(practitioner)
                .queryParam("at", "yesterday")
                .when()
                .get(base() + "/schedule")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("at"));
    }

    private JsonPath schedule(Instant at) {
        return given().auth()
                .oauth2(practitioner)
                .queryParam("at", at.toString())
                .when()
                .get(base() + "/schedule")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String status(
            JsonPath schedule, String timepoint, String instrument, Integer sessionNumber, Integer weeks) {
        List<Map<String, Object>> items = schedule.getList("items");
        return items.stream()
                .filter(item -> timepoint.equals(item.get("timepoint"))
                        && instrument.equals(item.get("instrumentCode"))
                        && (sessionNumber == null || sessionNumber.equals(item.get("sessionNumber")))
                        && (weeks == null || weeks.equals(item.get("followUpWeeks"))))
                .map(item -> (String) item.get("status"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + timepoint + " " + instrument));
    }

    private String base() {
        return "/api/v1/outcomes/clinics/" + clinic + "/patients/" + patient;
    }
}
