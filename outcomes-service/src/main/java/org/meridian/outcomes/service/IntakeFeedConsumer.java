package org.meridian.outcomes.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.meridian.outcomes.client.IntakeEventPage;
import org.meridian.outcomes.client.IntakeEventsClient;
import org.meridian.outcomes.client.ServiceTokens;
import org.meridian.outcomes.config.IntakeFeedConfig;

/**
 * Pulls intake's event feed into the projection (every {@code meridian.intake.poll-every}, default 2 s; "off"
 * disables the schedule). The cursor lives in the database, so a restarted instance resumes where the last one
 * stopped. While intake is unreachable, polls back off exponentially up to {@code meridian.intake.backoff-max}.
 */
@ApplicationScoped
public class IntakeFeedConsumer {

    public enum Outcome {
        CAUGHT_UP,
        MORE_PENDING,
        FAILED,
        BACKING_OFF
    }

    public record PollResult(Outcome outcome, int applied, long cursor) {}

    private final IntakeEventsClient intake;
    private final ProjectionService projection;
    private final IntakeFeedConfig config;
    private final ServiceTokens tokens;
    private final Clock clock;

    private volatile int consecutiveFailures;
    private volatile long lastCursor;
    private Instant nextAttempt = Instant.MIN;

    IntakeFeedConsumer(
            @RestClient IntakeEventsClient intake,
            ProjectionService projection,
            IntakeFeedConfig config,
            ServiceTokens tokens,
            Clock clock) {
        this.intake = intake;
        this.projection = projection;
        this.config = config;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Operators watch the feed: failures in a row (0 when healthy) and the applied position. */
    @Inject
    void registerMetrics(MeterRegistry registry) {
        Gauge.builder("meridian.intake.feed.consecutive.failures", this, consumer -> consumer.consecutiveFailures)
                .description("Failed polls of intake's event feed in a row")
                .register(registry);
        Gauge.builder("meridian.intake.feed.position", this, consumer -> consumer.lastCursor)
                .description("Last intake event position applied to the projection")
                .register(registry);
    }

    @Scheduled(
            identity = "intake-feed",
            every = "${meridian.intake.poll-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        poll();
    }

    /** One poll: applies pages until the feed is caught up (or the per-poll page limit), unless backing off. */
    public synchronized PollResult poll() {
        if (clock.instant().isBefore(nextAttempt)) {
            return new PollResult(Outcome.BACKING_OFF, 0, projection.cursor());
        }
        int applied = 0;
        long cursor = projection.cursor();
        try {
            for (int page = 0; page < config.maxPagesPerPoll(); page++) {
                IntakeEventPage events = intake.events(cursor, config.pageSize());
                if (events.events().isEmpty() && events.nextAfter() == cursor) {
                    recovered(cursor);
                    return new PollResult(Outcome.CAUGHT_UP, applied, cursor);
                }
                ProjectionService.PageResult result = projection.apply(cursor, events);
                applied += result.applied();
                cursor = result.cursor();
                if (!result.stale() && events.events().size() < config.pageSize()) {
                    recovered(cursor);
                    return new PollResult(Outcome.CAUGHT_UP, applied, cursor);
                }
            }
            recovered(cursor);
            return new PollResult(Outcome.MORE_PENDING, applied, cursor);
        } catch (RuntimeException e) {
            if (e instanceof WebApplicationException refused
                    && refused.getResponse().getStatus() == 401) {
                tokens.refused(); // the next attempt presents a new token
            }
            consecutiveFailures++;
            Duration wait = backoff(consecutiveFailures);
            nextAttempt = clock.instant().plus(wait);
            Log.warnf(
                    "Reading intake's event feed after position %d failed (%d in a row: %s); next attempt in %s",
                    cursor, consecutiveFailures, e.getMessage(), wait);
            return new PollResult(Outcome.FAILED, applied, cursor);
        }
    }

    /** Exponential backoff: initial, 2x, 4x ... capped at the maximum. */
    Duration backoff(int failures) {
        Duration wait = config.backoffInitial();
        for (int i = 1; i < failures && wait.compareTo(config.backoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : wait;
    }

    /** When the next poll may reach intake (in the past when not backing off). */
    public synchronized Instant nextAttempt() {
        return nextAttempt;
    }

    /** Ends a backoff early (operators, tests). */
    public synchronized void resumeNow() {
        nextAttempt = Instant.MIN;
    }

    private void recovered(long cursor) {
        lastCursor = cursor;
        if (consecutiveFailures > 0) {
            Log.infof("Intake's event feed is reachable again after %d failed polls", consecutiveFailures);
        }
        consecutiveFailures = 0;
        nextAttempt = Instant.MIN;
    }
}
