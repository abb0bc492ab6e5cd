package org.meridian.outcomes.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.platform.test.security.TestTokens;

/**
 * A submission and the feed's page about the same patient, in transactions that overlap: the page applied but not yet
 * committed when the submission reads the projection, or the submission waiting for intake's answer when the page
 * comes. Whichever commits first, the assessment must end as if the
 * two had run one after the other: linked to the patient and to the episode the page announced, not left PENDING or
 * without its episode because each transaction missed the other's rows (docs/events.md#pending-links).
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class LinkingWhileTheFeedAppliesTest {

    private static final OffsetDateTime YESTERDAY =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    IntakeFeedConsumer consumer;

    @Inject
    AgroalDataSource dataSource;

    private final UUID clinic = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    @Test
    void aSubmissionAboutAPatientTheFeedIsAnnouncingAtThatMomentIsLinked() throws Exception {
        UUID patient = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, patient);
        IntakeScript.events().patientRegistered(clinic, patient).publish();

        ExtractableResponse<Response> stored = submitWhileTheFeedHoldsItsPage(patient);

        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(stored.jsonPath().getString("linkStatus")).isEqualTo("LINKED");
        assertThat(linkStatus(stored.jsonPath().getString("id"))).isEqualTo("LINKED");
    }

    @Test
    void aSubmissionAnsweredInAnEpisodeTheFeedIsAnnouncingAtThatMomentJoinsIt() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        IntakeScript.events().patientRegistered(clinic, patient).publish();
        consumer.poll();
        IntakeScript.events()
                .episodeStarted(
                        clinic, patient, episode, LocalDate.now(ZoneOffset.UTC).minusDays(10))
                .publish();

        ExtractableResponse<Response> stored = submitWhileTheFeedHoldsItsPage(patient);

        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(stored.jsonPath().getString("episodeId")).isEqualTo(episode.toString());
        assertThat(episodeOf(stored.jsonPath().getString("id"))).isEqualTo(episode.toString());
    }

    @Test
    void aPageAboutAPatientWhoseSubmissionIsUnderWayWaitsForItAndLinksIt() throws Exception {
        UUID patient = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, patient);
        IntakeScript.events().patientRegistered(clinic, patient).publish();
        IntakeScript.holdPseudonymLookups();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            // The submission has read the projection (the patient is not in it yet) and waits for intake's answer.
            Future<ExtractableResponse<Response>> submission = threads.submit(() -> submitNrs(patient));
            while (IntakeScript.heldPseudonymLookups() == 0) {
                assertThat(submission.isDone())
                        .as("the submission asked intake")
                        .isFalse();
                Thread.sleep(20);
            }
            Future<?> feed =
                    threads.submit(() -> QuarkusTransaction.requiringNew().run(consumer::poll));
            while (!feed.isDone() && !aTransactionWaitsForAnAdvisoryLock()) {
                Thread.sleep(20);
            }
            IntakeScript.releasePseudonymLookups();
            ExtractableResponse<Response> stored = submission.get(30, TimeUnit.SECONDS);
            feed.get(30, TimeUnit.SECONDS);

            assertThat(stored.statusCode()).isEqualTo(201);
            assertThat(linkStatus(stored.jsonPath().getString("id"))).isEqualTo("LINKED");
        } finally {
            IntakeScript.releasePseudonymLookups();
        }
    }

    /**
     * Applies the feed's waiting page in a transaction held open, submits an NRS for the patient meanwhile, and commits
     * the page once the submission has either been stored or is waiting for the page's transaction.
     */
    private ExtractableResponse<Response> submitWhileTheFeedHoldsItsPage(UUID patient) throws Exception {
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // Threads of its own: the common pool may have a single worker on a 2-core machine.
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> feed =
                    threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        consumer.poll();
                        applied.countDown();
                        await(commit);
                    }));
            assertThat(applied.await(30, TimeUnit.SECONDS)).isTrue();
            Future<ExtractableResponse<Response>> submission = threads.submit(() -> submitNrs(patient));
            while (!submission.isDone() && !aTransactionWaitsForAnAdvisoryLock()) {
                Thread.sleep(20);
            }
            commit.countDown();
            feed.get(30, TimeUnit.SECONDS);
            return submission.get(30, TimeUnit.SECONDS);
        }
    }

    private ExtractableResponse<Response> submitNrs(UUID patient) {
        return post(
                        practitioner,
                        clinic,
                        patient,
                        UUID.randomUUID().toString(),
                        body("NRS_BACK_PAIN", "AD_HOC", YESTERDAY, nrs(5)))
                .extract();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the feed's transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean aTransactionWaitsForAnAdvisoryLock() {
        return !query("""
                        select count(*)::text from pg_stat_activity
                         where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'""").equals("0");
    }

    private String linkStatus(String assessment) {
        return query("select link_status from assessment where id = '" + UUID.fromString(assessment) + "'");
    }

    private String episodeOf(String assessment) {
        return query("select episode_id::text from assessment where id = '" + UUID.fromString(assessment) + "'");
    }

    private String query(String sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
