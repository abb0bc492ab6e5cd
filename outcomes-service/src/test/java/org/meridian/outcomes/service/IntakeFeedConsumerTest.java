package org.meridian.outcomes.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.path;
import static org.meridian.outcomes.Submissions.post;
import static org.meridian.outcomes.Submissions.with;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.client.IntakeEventPage;
import org.meridian.outcomes.client.IntakeEventsClient;
import org.meridian.outcomes.client.ServiceTokens;
import org.meridian.outcomes.config.IntakeFeedConfig;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class IntakeFeedConsumerTest {

    /** Metrics are served on the management port. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    IntakeFeedConsumer consumer;

    @Inject
    ProjectionService projection;

    @Inject
    @RestClient
    IntakeEventsClient client;

    @Inject
    IntakeFeedConfig config;

    @Inject
    Clock clock;

    @Inject
    ServiceTokens serviceTokens;

    @Inject
    FeedLease lease;

    @Inject
    AgroalDataSource dataSource;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final UUID episode = UUID.randomUUID();

    @AfterEach
    void intakeBackUp() {
        IntakeScript.intakeUp();
        consumer.resumeNow();
    }

    @Test
    void projectsPatientsConsentEpisodesAndSessionsFromTheFeed() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant start = Instant.parse("2026-10-05T09:00:00Z");
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .intakeAssessment(clinic, patient)
                .consent(clinic, patient, true)
                .episodeStarted(clinic, patient, episode, LocalDate.parse("2026-10-05"))
                .episodeUpdated(clinic, patient, episode, LocalDate.parse("2026-10-05"), "ACTIVE")
                .sessionRecorded(clinic, patient, episode, first, 1, start)
                .sessionRecorded(clinic, patient, episode, second, 2, start.plus(7, ChronoUnit.DAYS))
                .sessionCancelled(clinic, patient, episode, second, 2, start.plus(7, ChronoUnit.DAYS))
                .publish();

        IntakeFeedConsumer.PollResult result = consumer.poll();

        assertThat(result.outcome()).isEqualTo(IntakeFeedConsumer.Outcome.CAUGHT_UP);
        assertThat(result.applied()).isGreaterThanOrEqualTo(7);
        assertThat(query(
                        "select clinic_id || '|' || birth_year || '|' || age_band || '|' || sex || '|' || pain_sites"
                                + " || '|' || chronicity || '|' || research_consent from projected_patient where pseudonym_id = ?",
                        patient))
                .containsExactly(clinic + "|1971|50-59|FEMALE|LOW_BACK,SCIATICA_LEFT|CHRONIC|true");
        assertThat(query(
                        "select start_date || '|' || status || '|' || planned_sessions from projected_episode"
                                + " where pseudonym_id = ?",
                        patient))
                .containsExactly("2026-10-05|ACTIVE|10");
        assertThat(query(
                        "select session_number || '|' || cancelled from projected_session where pseudonym_id = ?"
                                + " order by session_number",
                        patient))
                .containsExactly("1|false", "2|true");
        assertThat(query("select count(*) from feed_cursor where position = ?", result.cursor()))
                .containsExactly("1");
    }

    /** Intake withholds the birth year from age 90 on (docs/events.md): a correction that makes the patient 90 drops it. */
    @Test
    void aBirthYearIntakeWithholdsAfterAnUpdateIsNotKept() {
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .patientUpdated(clinic, patient, null, "80+")
                .publish();

        consumer.poll();

        assertThat(query(
                        "select coalesce(birth_year::text, 'withheld') || '|' || age_band from projected_patient"
                                + " where pseudonym_id = ?",
                        patient))
                .containsExactly("withheld|80+");
    }

    @Test
    void sendsItsServiceTokenAndCatchesUpAcrossSeveralPages() {
        IntakeScript script = IntakeScript.events().patientRegistered(clinic, patient);
        for (int number = 1; number <= 11; number++) {
            script.sessionRecorded(
                    clinic,
                    patient,
                    episode,
                    UUID.randomUUID(),
                    number,
                    Instant.parse("2026-10-05T09:00:00Z").plus(number, ChronoUnit.DAYS));
        }
        List<Long> positions = script.publish();
        int requestsBefore = IntakeScript.requests().size();

        IntakeFeedConsumer.PollResult result = consumer.poll();

        assertThat(result.outcome()).isEqualTo(IntakeFeedConsumer.Outcome.CAUGHT_UP);
        assertThat(result.cursor()).isEqualTo(positions.getLast());
        assertThat(query("select count(*) from projected_session where pseudonym_id = ?", patient))
                .containsExactly("11");
        JsonNode requests = IntakeScript.requests();
        assertThat(requests.size() - requestsBefore)
                .as("pages of 5 for 12 events")
                .isGreaterThanOrEqualTo(3);
        assertThat(requests.get(requests.size() - 1).get("limit").asInt()).isEqualTo(5);
        for (int index = requestsBefore; index < requests.size(); index++) {
            String authorization = requests.get(index).get("authorization").asText();
            assertThat(authorization).startsWith("Bearer ");
            assertIsOutcomesServiceToken(authorization.substring("Bearer ".length()));
        }
    }

    @Test
    void aTokenIntakeRefusesIsReplacedAtTheNextPoll() {
        consumer.poll();
        IntakeScript.intakeRefusesTokens();
        assertThat(consumer.poll().outcome()).isEqualTo(IntakeFeedConsumer.Outcome.FAILED);
        JsonNode requests = IntakeScript.requests();
        String refused = requests.get(requests.size() - 1).get("authorization").asText();
        IntakeScript.intakeUp();
        consumer.resumeNow();

        assertThat(consumer.poll().outcome()).isNotEqualTo(IntakeFeedConsumer.Outcome.FAILED);
        requests = IntakeScript.requests();
        String next = requests.get(requests.size() - 1).get("authorization").asText();
        assertThat(next).as("a new token, not the refused one until it expires").isNotEqualTo(refused);
        assertIsOutcomesServiceToken(next.substring("Bearer ".length()));
    }

    /**
     * What intake-service requires on /internal, checked the way it checks: signature by the trusted key (the test
     * key pair), issuer, expiry and audience meridian-intake; and the claims Keycloak gives meridian-outcomes.
     */
    static void assertIsOutcomesServiceToken(String token) {
        JsonWebToken jwt;
        try {
            JWTAuthContextInfo trusted =
                    new JWTAuthContextInfo(KeyUtils.readPublicKey("test-keys/jwt-public.pem"), TestTokens.ISSUER);
            trusted.setExpectedAudience(Set.of(TestTokens.INTAKE_AUDIENCE));
            jwt = new DefaultJWTParser(trusted).parse(token);
        } catch (Exception e) {
            throw new AssertionError("not a valid service token: " + token, e);
        }
        assertThat(jwt.getAudience()).containsExactly(TestTokens.INTAKE_AUDIENCE);
        assertThat(jwt.getGroups()).containsExactly(TestTokens.EVENT_FEED_READER);
        assertThat(jwt.getSubject()).isEqualTo("service-account-meridian-outcomes");
        assertThat((String) jwt.getClaim("azp")).isEqualTo(TestTokens.OUTCOMES_CLIENT);
        assertThat((String) jwt.getClaim("client_id")).isEqualTo(TestTokens.OUTCOMES_CLIENT);
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(300);
        assertThat(jwt.getExpirationTime()).isGreaterThan(Instant.now().getEpochSecond() + 60);
        assertThat(jwt.getClaimNames()).doesNotContain("clinic_id", "patient_id", "pseudonym_id", "practitioner_id");
    }

    @Test
    void reReadingAnAppliedPageChangesNothing() {
        UUID session = UUID.randomUUID();
        long before = projection.cursor();
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, LocalDate.parse("2026-10-05"))
                .sessionRecorded(clinic, patient, episode, session, 1, Instant.parse("2026-10-05T09:00:00Z"))
                .sessionCancelled(clinic, patient, episode, session, 1, Instant.parse("2026-10-05T09:00:00Z"))
                .publish();
        long caughtUp = consumer.poll().cursor();

        // As after a crash between applying a page and storing the cursor: the same events come again.
        projection.resetCursor(before);
        IntakeFeedConsumer.PollResult replay = consumer.poll();

        assertThat(replay.applied()).isZero();
        assertThat(replay.cursor()).isEqualTo(caughtUp);
        assertThat(query(
                        "select count(*) || '|' || bool_and(cancelled) from projected_session where pseudonym_id = ?",
                        patient))
                .containsExactly("1|true");
        assertThat(query("select count(*) from projected_patient where pseudonym_id = ?", patient))
                .containsExactly("1");
    }

    @Test
    void aRestartedConsumerResumesFromTheStoredCursor() {
        IntakeScript.events().patientRegistered(clinic, patient).publish();
        long stored = consumer.poll().cursor();
        List<Long> later = IntakeScript.events()
                .episodeStarted(clinic, patient, episode, LocalDate.parse("2026-10-05"))
                .publish();

        consumer.release(); // as the stopped instance does
        IntakeFeedConsumer restarted = new IntakeFeedConsumer(client, projection, config, serviceTokens, clock, lease);
        IntakeFeedConsumer.PollResult result = restarted.poll();
        restarted.release();

        JsonNode requests = IntakeScript.requests();
        int firstOfRestart = requests.size() - 1;
        while (firstOfRestart > 0
                && requests.get(firstOfRestart - 1).get("after").asLong() >= stored) {
            firstOfRestart--;
        }
        assertThat(requests.get(firstOfRestart).get("after").asLong()).isEqualTo(stored);
        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.cursor()).isEqualTo(later.getLast());
        assertThat(query("select count(*) from projected_episode where episode_id = ?", episode))
                .containsExactly("1");
    }

    @Test
    void twoInstancesApplyingTheSamePageApplyItOnce() throws Exception {
        consumer.poll();
        long cursor = projection.cursor();
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .intakeAssessment(clinic, patient)
                .publish();
        IntakeEventPage page = client.events(cursor, 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ProjectionService.PageResult>> results = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return projection.apply(cursor, page);
                }));
            }
            go.countDown();
            ProjectionService.PageResult first = results.get(0).get(30, TimeUnit.SECONDS);
            ProjectionService.PageResult second = results.get(1).get(30, TimeUnit.SECONDS);
            assertThat(List.of(first.stale(), second.stale())).containsExactlyInAnyOrder(true, false);
            assertThat(first.applied() + second.applied()).isEqualTo(2);
            assertThat(first.cursor()).isEqualTo(page.nextAfter());
            assertThat(second.cursor()).isEqualTo(page.nextAfter());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void backsOffExponentiallyWhileIntakeIsDownAndRecovers() {
        IntakeScript.events().patientRegistered(clinic, patient).publish();
        IntakeScript.intakeDown();

        assertThat(consumer.poll().outcome()).isEqualTo(IntakeFeedConsumer.Outcome.FAILED);
        assertThat(consumer.nextAttempt()).isAfter(Instant.now());
        int requests = IntakeScript.requests().size();
        assertThat(consumer.poll().outcome()).isEqualTo(IntakeFeedConsumer.Outcome.BACKING_OFF);
        assertThat(IntakeScript.requests().size())
                .as("no call while backing off")
                .isEqualTo(requests);
        assertThat(query("select count(*) from projected_patient where pseudonym_id = ?", patient))
                .containsExactly("0");

        IntakeScript.intakeUp();
        consumer.resumeNow();
        assertThat(consumer.poll().outcome()).isEqualTo(IntakeFeedConsumer.Outcome.CAUGHT_UP);
        assertThat(query("select count(*) from projected_patient where pseudonym_id = ?", patient))
                .containsExactly("1");
    }

    @Test
    void publishesTheFeedPositionAndFailuresAsMetrics() {
        List<Long> positions =
                IntakeScript.events().patientRegistered(clinic, patient).publish();
        consumer.poll();
        given().when()
                .get(metrics)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "meridian_intake_feed_position " + positions.getLast() + ".0"))
                .body(org.hamcrest.Matchers.containsString("meridian_intake_feed_consecutive_failures 0.0"));
    }

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(consumer.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(consumer.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(consumer.backoff(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(consumer.backoff(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(consumer.backoff(40)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aSubmissionBeforeIntakesEventsIsKeptPendingAndLinkedWhenTheyArrive() {
        IntakeScript.pseudonymIssued(clinic, patient); // issued by intake, its events not on the feed yet
        UUID session = UUID.randomUUID();
        Instant sessionStart = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String practitioner = TestTokens.practitioner(clinic);
        String baseline = post(
                        practitioner,
                        clinic,
                        patient,
                        body(
                                "NRS_BACK_PAIN",
                                "BASELINE",
                                sessionStart.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC),
                                nrs(7)))
                .statusCode(201)
                .body("linkStatus", equalTo("PENDING"))
                .extract()
                .path("id");
        String late = post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body(
                                        "NRS_BACK_PAIN",
                                        "POST_SESSION",
                                        sessionStart.plus(3, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
                                        nrs(4)),
                                "sessionId",
                                session))
                .statusCode(201)
                .body("linkStatus", equalTo("PENDING"))
                .body("late", equalTo(false))
                .extract()
                .path("id");

        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(
                        clinic,
                        patient,
                        episode,
                        sessionStart.atOffset(ZoneOffset.UTC).toLocalDate())
                .sessionRecorded(clinic, patient, episode, session, 1, sessionStart)
                .publish();
        consumer.poll();

        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + late)
                .then()
                .statusCode(200)
                .body("linkStatus", equalTo("LINKED"))
                .body("episodeId", equalTo(episode.toString()))
                .body("late", equalTo(true));
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + baseline)
                .then()
                .statusCode(200)
                .body("linkStatus", equalTo("LINKED"))
                .body("episodeId", equalTo(episode.toString()));
    }

    @Test
    void aSubmissionForAKnownSessionIsLinkedAtOnceAndFlaggedLateAfterTwoHours() {
        UUID session = UUID.randomUUID();
        Instant sessionStart = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(
                        clinic,
                        patient,
                        episode,
                        sessionStart.atOffset(ZoneOffset.UTC).toLocalDate())
                .sessionRecorded(clinic, patient, episode, session, 1, sessionStart)
                .publish();
        consumer.poll();
        String practitioner = TestTokens.practitioner(clinic);

        post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body(
                                        "NRS_BACK_PAIN",
                                        "POST_SESSION",
                                        sessionStart
                                                .plus(119, ChronoUnit.MINUTES)
                                                .atOffset(ZoneOffset.UTC),
                                        nrs(3)),
                                "sessionId",
                                session))
                .statusCode(201)
                .body("linkStatus", equalTo("LINKED"))
                .body("late", equalTo(false))
                .body("episodeId", equalTo(episode.toString()));
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body(
                                        "NRS_BACK_PAIN",
                                        "POST_SESSION",
                                        sessionStart
                                                .plus(121, ChronoUnit.MINUTES)
                                                .atOffset(ZoneOffset.UTC),
                                        nrs(3)),
                                "sessionId",
                                session))
                .statusCode(201)
                .body("late", equalTo(true));
    }

    @Test
    void refusesASubmissionAboutAnotherClinicsKnownPatientAndFlagsLaterContradictions() {
        UUID otherClinic = UUID.randomUUID();
        UUID foreignSession = UUID.randomUUID();
        UUID otherPatient = UUID.randomUUID();
        String practitioner = TestTokens.practitioner(clinic);
        IntakeScript.pseudonymIssued(clinic, patient); // issued by intake, its events not on the feed yet
        String pending = post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body(
                                        "NRS_BACK_PAIN",
                                        "PRE_SESSION",
                                        Instant.now().minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC),
                                        nrs(5)),
                                "sessionId",
                                foreignSession))
                .statusCode(201)
                .extract()
                .path("id");

        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .patientRegistered(otherClinic, otherPatient)
                .sessionRecorded(
                        clinic,
                        otherPatient,
                        episode,
                        foreignSession,
                        1,
                        Instant.now().minus(2, ChronoUnit.HOURS))
                .publish();
        consumer.poll();

        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient) + "/" + pending)
                .then()
                .statusCode(200)
                .body("linkStatus", equalTo("MISMATCH"));
        post(
                        TestTokens.practitioner(clinic),
                        clinic,
                        otherPatient,
                        body("NRS_BACK_PAIN", "BASELINE", Instant.now().atOffset(ZoneOffset.UTC), nrs(5)))
                .statusCode(404);
    }

    private List<String> query(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
