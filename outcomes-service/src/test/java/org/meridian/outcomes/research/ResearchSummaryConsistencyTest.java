package org.meridian.outcomes.research;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.ResearchData.Patient;
import org.meridian.platform.test.security.TestTokens;

/**
 * The pairs PostgreSQL keeps in {@code episode_outcome} (maintained by triggers on every write) must give exactly the
 * aggregates that pairing the assessments at query time gives. A date range wide enough to include everything makes
 * the service pair at query time, so the two answers can be compared on the same data after every kind of write.
 */
@QuarkusTest
class ResearchSummaryConsistencyTest {

    private static final String PATH = "/api/v1/outcomes/research/aggregates";
    private static final String[] TIMEPOINTS = {
        "BASELINE", "PRE_SESSION", "POST_SESSION", "FOLLOW_UP", "FOLLOW_UP", "AD_HOC"
    };

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storedPairsGiveTheSameAggregatesAsPairingAtQueryTimeAfterInsertsUpdatesAndDeletes() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = new ResearchData(dataSource, Instant.now());
        Random random = new Random(20261122);
        List<Patient> patients = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        List<UUID> assessments = new ArrayList<>();
        String[] ageBands = {"30-39", "40-49", "50-59"};
        for (int i = 0; i < 120; i++) {
            Patient patient = data.patient(
                    clinic,
                    i % 2 == 0 ? "FEMALE" : "MALE",
                    ageBands[random.nextInt(3)],
                    "LOW_BACK",
                    "CHRONIC",
                    random.nextInt(8));
            patients.add(patient);
            assessments.add(
                    data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1 - random.nextInt(2), odi(random)));
            assessments.add(data.assessment(
                    patient,
                    "NRS_BACK_PAIN",
                    "1.0",
                    "PRE_SESSION",
                    null,
                    random.nextInt(3),
                    Integer.toString(random.nextInt(11))));
            for (int k = random.nextInt(9); k > 0; k--) {
                String timepoint = TIMEPOINTS[random.nextInt(TIMEPOINTS.length)];
                Integer weeks = timepoint.equals("FOLLOW_UP") ? (random.nextBoolean() ? 4 : 12) : null;
                int day = random.nextInt(100) - 2;
                boolean odi = random.nextBoolean();
                assessments.add(data.assessment(
                        patient,
                        odi ? "ODI" : "NRS_BACK_PAIN",
                        odi ? "2.1a" : "1.0",
                        timepoint,
                        weeks,
                        day,
                        odi ? odi(random) : Integer.toString(random.nextInt(11))));
            }
        }
        compareStoredWithQueryTime(clinic);

        // Sessions added and cancelled after the pairs exist change the session counts.
        for (Patient patient : patients) {
            if (random.nextInt(3) == 0) {
                sessions.add(data.session(patient, 20 + random.nextInt(5), random.nextInt(60)));
            }
        }
        for (UUID session : sessions) {
            if (random.nextBoolean()) {
                data.cancelSession(session);
            }
        }
        // Assessments unlinked, linked again and deleted change the pairs themselves.
        for (UUID assessment : assessments) {
            switch (random.nextInt(12)) {
                case 0 -> data.setLinkStatus(assessment, "PENDING");
                case 1 -> data.deleteAssessment(assessment);
                case 2 -> {
                    data.setLinkStatus(assessment, "PENDING");
                    data.setLinkStatus(assessment, "LINKED");
                }
                default -> {}
            }
        }
        compareStoredWithQueryTime(clinic);
    }

    @Test
    void concurrentWritesToOneEpisodeEachSeeTheOthersCommittedWork() throws Exception {
        UUID clinic = UUID.randomUUID();
        ResearchData data = new ResearchData(dataSource, Instant.now());
        Patient patient = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 3);
        data.assessment(patient, "ODI", "2.1a", "BASELINE", null, 0, "60");

        // Each writer inserts a follow-up and holds its transaction open a little, so that they overlap: a writer
        // that derived the episode's pairs from a snapshot without the others would store a stale follow-up (or
        // collide with another writer's row).
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int day = 10 + w;
                results.add(pool.submit(() -> {
                    start.await();
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        new ResearchData(connection, Instant.now())
                                .assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, day, Integer.toString(50 - day));
                        Thread.sleep(150);
                        connection.commit();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, BigDecimal> followUps = storedFollowUps(patient.episodeId());
        // the latest follow-up is the one answered on day 15, whichever writer committed last
        assertThat(followUps).containsOnlyKeys("latest", "12");
        assertThat(followUps.get("latest")).isEqualByComparingTo("35");
        assertThat(followUps.get("12")).isEqualByComparingTo("35");
    }

    @Test
    void aSessionWrittenWhileAnEpisodeGetsItsFirstPairIsCounted() throws Exception {
        UUID clinic = UUID.randomUUID();
        Patient patient = new ResearchData(dataSource, Instant.now())
                .patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 0);
        ExecutorService submitter = Executors.newSingleThreadExecutor();
        try (Connection feed = dataSource.getConnection()) {
            // the intake feed records a session (not committed yet) ...
            feed.setAutoCommit(false);
            new ResearchData(feed, Instant.now()).session(patient, 1, 3);
            // ... while a submission creates the episode's first pair
            Future<?> submission = submitter.submit(() -> {
                ResearchData data = new ResearchData(dataSource, Instant.now());
                data.assessment(patient, "ODI", "2.1a", "BASELINE", null, 0, "60");
                data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "30");
                return null;
            });
            Thread.sleep(300);
            feed.commit();
            submission.get(30, TimeUnit.SECONDS);
        } finally {
            submitter.shutdownNow();
        }
        assertThat(storedSessionsHeld(patient.episodeId())).containsOnly(1);
    }

    @Test
    void aBulkRefreshAfterASmallOneInTheSameTransactionDoesNotDeadlockWithAConcurrentWriter() throws Exception {
        UUID clinic = UUID.randomUUID();
        Patient patient = new ResearchData(dataSource, Instant.now())
                .patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 2);
        new ResearchData(dataSource, Instant.now()).assessment(patient, "ODI", "2.1a", "BASELINE", null, 0, "60");
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Connection loader = dataSource.getConnection()) {
            loader.setAutoCommit(false);
            // one transaction: a write to the episode (its lock), then ...
            new ResearchData(loader, Instant.now()).assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 4, 28, "40");
            // ... another writer to the same episode waits for that lock ...
            Future<?> concurrent = writer.submit(() -> {
                new ResearchData(dataSource, Instant.now())
                        .assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "30");
                return null;
            });
            Thread.sleep(300);
            // ... and the first transaction goes on with a bulk statement over 70 episodes (the table lock)
            try (Statement bulk = loader.createStatement()) {
                bulk.execute("""
                        INSERT INTO outcomes.assessment (id, clinic_id, pseudonym_id, instrument_code, instrument_version,
                            policy_id, recall_period, timepoint, episode_id, answered_at, received_at, updated_at, status,
                            answers, items_missing, score_exact, score_value, link_status)
                        SELECT gen_random_uuid(), '%s', gen_random_uuid(), 'ODI', '2.1a', 'test-policy', 'PAST_WEEK',
                               'BASELINE', gen_random_uuid(), now() - interval '1 day', now(), now(), 'SCORED',
                               '{}'::jsonb, '[]'::jsonb, '50', 50, 'LINKED'
                          FROM generate_series(1, 70)""".formatted(clinic));
            }
            loader.commit();
            concurrent.get(30, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        assertThat(storedFollowUps(patient.episodeId())).containsOnlyKeys("latest", "4", "12");
    }

    private void compareStoredWithQueryTime(UUID clinic) {
        List<Map<String, String>> queries = List.of(
                Map.of("instrument", "ODI"),
                Map.of("instrument", "ODI", "followUpWeeks", "12", "groupBy", "SEX"),
                Map.of("instrument", "ODI", "followUpWeeks", "4"),
                Map.of("instrument", "ODI", "minSessions", "3", "groupBy", "AGE_BAND"),
                Map.of("instrument", "NRS_BACK_PAIN", "groupBy", "SEX,AGE_BAND"),
                Map.of("instrument", "NRS_BACK_PAIN", "followUpWeeks", "12"));
        for (Map<String, String> query : queries) {
            Map<String, Object> parameters = new HashMap<>(query);
            parameters.put("clinicId", clinic.toString());
            Map<String, Object> stored = aggregate(parameters);
            parameters.put("from", "1970-01-01T00:00:00Z");
            parameters.put("to", "2200-01-01T00:00:00Z");
            Map<String, Object> atQueryTime = aggregate(parameters);
            assertThat(stored)
                    .as("stored pairs vs pairs at query time for %s", query)
                    .isEqualTo(atQueryTime);
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) stored.get("total");
            assertThat(total.get("suppressed"))
                    .as("a comparison of suppressed totals would prove little: %s", query)
                    .isEqualTo(false);
        }
    }

    private static Map<String, Object> aggregate(Map<String, Object> parameters) {
        return given().auth()
                .oauth2(TestTokens.researcher())
                .queryParams(parameters)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static String odi(Random random) {
        // a whole percentage, or 20 x sum / 9 when one section is missing
        return random.nextBoolean() ? Integer.toString(2 * random.nextInt(51)) : (20 * random.nextInt(46)) + "/9";
    }

    private List<Integer> storedSessionsHeld(UUID episode) throws SQLException {
        List<Integer> held = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT sessions_held FROM outcomes.episode_outcome WHERE episode_id = ?")) {
            statement.setObject(1, episode);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    held.add(result.getInt(1));
                }
            }
        }
        assertThat(held).as("pairs of episode %s", episode).isNotEmpty();
        return held;
    }

    private Map<String, BigDecimal> storedFollowUps(UUID episode) throws SQLException {
        Map<String, BigDecimal> followUps = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT follow_up_weeks, follow_up_value FROM outcomes.episode_outcome WHERE episode_id = ?")) {
            statement.setObject(1, episode);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    int weeks = result.getInt(1);
                    followUps.put(result.wasNull() ? "latest" : Integer.toString(weeks), result.getBigDecimal(2));
                }
            }
        }
        return followUps;
    }
}
