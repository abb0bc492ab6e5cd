package org.meridian.outcomes.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.client.IntakeEventsClient;
import org.meridian.outcomes.client.ServiceTokens;
import org.meridian.outcomes.config.IntakeFeedConfig;
import org.meridian.platform.test.metrics.Scrape;

/**
 * Two replicas' consumers in one test (the application's own, and a second one with its own lease holder name, as a
 * second replica has): only the lease holder reads and projects the feed; when it stops or dies the other takes over
 * from the stored cursor, and every event is applied exactly once.
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class IntakeFeedLeaseTest {

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

    private IntakeFeedConsumer otherReplica;

    @BeforeEach
    void applicationConsumerLeads() {
        otherReplica = new IntakeFeedConsumer(client, projection, config, serviceTokens, clock, lease);
        consumer.poll();
        assertThat(consumer.isLeader()).isTrue();
    }

    @AfterEach
    void otherReplicaStops() {
        otherReplica.release();
    }

    @Test
    void onlyTheLeaseHolderReadsAndProjectsTheFeed() {
        List<Long> positions = new ArrayList<>();
        int applied = 0;
        for (int round = 0; round < 3; round++) {
            positions.addAll(patients(2));
            int requests = IntakeScript.requests().size();
            IntakeFeedConsumer.PollResult follower = otherReplica.poll();
            assertThat(follower.outcome()).isEqualTo(IntakeFeedConsumer.Outcome.NOT_LEADER);
            assertThat(IntakeScript.requests().size())
                    .as("the follower reads nothing")
                    .isEqualTo(requests);
            IntakeFeedConsumer.PollResult leader = consumer.poll();
            assertThat(leader.outcome()).isEqualTo(IntakeFeedConsumer.Outcome.CAUGHT_UP);
            applied += leader.applied();
        }
        assertThat(applied).isEqualTo(positions.size());
        assertAppliedOnce(positions);
        assertThat(otherReplica.isLeader()).isFalse();

        Scrape scrape = Scrape.of(metrics);
        assertThat(scrape.value("meridian_intake_feed_leader", Map.of())).isEqualTo(1.0);
        assertThat(scrape.value("meridian_intake_feed_lag_events", Map.of())).isEqualTo(0.0);
        assertThat(scrape.value("meridian_intake_feed_lag_seconds", Map.of())).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void aReleasedLeaseIsTakenOverFromTheStoredCursor() {
        List<Long> before = patients(3);
        consumer.poll();
        consumer.release();
        List<Long> after = patients(3);

        IntakeFeedConsumer.PollResult takeover = otherReplica.poll();

        assertThat(otherReplica.isLeader()).isTrue();
        assertThat(takeover.applied())
                .as("exactly the events after the stored cursor")
                .isEqualTo(after.size());
        assertThat(takeover.cursor()).isEqualTo(after.getLast());
        assertThat(consumer.poll().outcome()).isEqualTo(IntakeFeedConsumer.Outcome.NOT_LEADER);
        List<Long> all = new ArrayList<>(before);
        all.addAll(after);
        assertAppliedOnce(all);

        Scrape scrape = Scrape.of(metrics);
        assertThat(scrape.value("meridian_intake_feed_leader", Map.of()))
                .as("the application's consumer no longer leads")
                .isEqualTo(0.0);
        assertThat(scrape.value("meridian_intake_feed_lag_seconds", Map.of())).isNaN();
        assertThat(scrape.value("meridian_intake_feed_lag_events", Map.of())).isNaN();
    }

    @Test
    void aDeadLeadersLeaseIsTakenOverOnceItExpires() {
        List<Long> applied = patients(2);
        consumer.poll();
        List<Long> pending = patients(2);

        // the leader stops renewing (kill -9): until its lease expires, nobody else reads
        assertThat(otherReplica.poll().outcome()).isEqualTo(IntakeFeedConsumer.Outcome.NOT_LEADER);
        expireLease(); // the TTL has passed without renewal
        IntakeFeedConsumer.PollResult takeover = otherReplica.poll();

        assertThat(takeover.outcome()).isEqualTo(IntakeFeedConsumer.Outcome.CAUGHT_UP);
        assertThat(takeover.applied()).isEqualTo(pending.size());
        assertThat(otherReplica.isLeader()).isTrue();
        assertThat(consumer.poll().outcome())
                .as("the old leader, back, finds the lease taken")
                .isEqualTo(IntakeFeedConsumer.Outcome.NOT_LEADER);
        assertThat(consumer.isLeader()).isFalse();
        List<Long> all = new ArrayList<>(applied);
        all.addAll(pending);
        assertAppliedOnce(all);
    }

    private static List<Long> patients(int count) {
        IntakeScript script = IntakeScript.events();
        UUID clinic = UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            script.patientRegistered(clinic, UUID.randomUUID());
        }
        return script.publish();
    }

    private void assertAppliedOnce(List<Long> positions) {
        for (Long position : positions) {
            assertThat(query("select count(*) from processed_event where position = ?", position))
                    .as("event at position %d applied", position)
                    .containsExactly("1");
        }
        assertThat(Long.parseLong(query("select position from feed_cursor where feed = ?", IntakeFeedConsumer.FEED)
                        .getFirst()))
                .isGreaterThanOrEqualTo(positions.getLast());
    }

    private void expireLease() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update feed_lease set expires_at = clock_timestamp() - interval '1 second' where feed = ?")) {
            statement.setString(1, IntakeFeedConsumer.FEED);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
