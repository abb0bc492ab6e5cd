package org.meridian.outcomes.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.meridian.outcomes.client.IntakeEventPage;
import org.meridian.outcomes.client.IntakeEventsClient;
import org.meridian.outcomes.client.ServiceTokens;
import org.meridian.outcomes.config.IntakeFeedConfig;

/**
 * Pulls intake's event feed into the projection (every {@code meridian.intake.poll-every}, default 2 s; "off"
 * disables the schedule). The cursor lives in the database, so a restarted instance resumes where the last one
 * stopped. While intake is unreachable, polls back off exponentially up to {@code meridian.intake.backoff-max}.
 *
 * <p>Of several replicas, only the holder of the feed lease ({@link FeedLease}) reads the feed; the others try to take
 * the lease at each poll, and get it when its holder stopped (released) or died (the lease expired,
 * {@code meridian.intake.lease-ttl}). The lease saves the others' reads; the cursor row, locked while a page is
 * applied, is what keeps a page from being applied twice should two replicas ever believe they hold it.
 */
@ApplicationScoped
public class IntakeFeedConsumer {

    public enum Outcome {
        CAUGHT_UP,
        MORE_PENDING,
        FAILED,
        BACKING_OFF,
        /** Another replica holds the feed lease: nothing was read. */
        NOT_LEADER
    }

    static final String FEED = "intake-events";

    public record PollResult(Outcome outcome, int applied, long cursor) {}

    private final IntakeEventsClient intake;
    private final ProjectionService projection;
    private final IntakeFeedConfig config;
    private final ServiceTokens tokens;
    private final Clock clock;

    private final FeedLease lease;
    /** This replica's name in the lease row: the host (a pod's name) and a random part, new at each start. */
    private final String holder;

    private volatile int consecutiveFailures;
    private volatile long lastCursor;
    private volatile boolean leader;
    private volatile boolean stopping;
    /** When a poll last reached the end of the feed (or, until one has, when this replica took the lease). */
    private volatile Instant caughtUpAt;
    /** intake's head minus the cursor, as of the last page read; NaN until then. */
    private volatile double lagEvents = Double.NaN;

    private Instant nextAttempt = Instant.MIN;

    IntakeFeedConsumer(
            @RestClient IntakeEventsClient intake,
            ProjectionService projection,
            IntakeFeedConfig config,
            ServiceTokens tokens,
            Clock clock,
            FeedLease lease) {
        this.intake = intake;
        this.projection = projection;
        this.config = config;
        this.tokens = tokens;
        this.clock = clock;
        this.lease = lease;
        this.holder = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown";
            }
        }
        return host;
    }

    /**
     * Operators watch the feed: failures in a row (0 when healthy), the applied position, whether this replica holds
     * the lease, and its lag (NaN on a replica without the lease, so that {@code max} over replicas is the leader's).
     */
    @Inject
    void registerMetrics(MeterRegistry registry) {
        Gauge.builder("meridian.intake.feed.consecutive.failures", this, consumer -> consumer.consecutiveFailures)
                .description("Failed polls of intake's event feed in a row")
                .register(registry);
        Gauge.builder("meridian.intake.feed.position", this, consumer -> consumer.lastCursor)
                .description("Last intake event position applied to the projection")
                .register(registry);
        Gauge.builder("meridian.intake.feed.leader", this, consumer -> consumer.leader ? 1 : 0)
                .description("1 on the replica that holds the feed lease and projects the feed, 0 on the others")
                .register(registry);
        TimeGauge.builder("meridian.intake.feed.lag", this, TimeUnit.SECONDS, IntakeFeedConsumer::lagSeconds)
                .description("Seconds since the projection was last caught up with intake's feed")
                .register(registry);
        Gauge.builder(
                        "meridian.intake.feed.lag.events",
                        this,
                        consumer -> consumer.leader ? consumer.lagEvents : Double.NaN)
                .description("intake's head position minus the applied position, as of the last page read")
                .register(registry);
    }

    double lagSeconds() {
        Instant since = caughtUpAt;
        if (!leader || since == null) {
            return Double.NaN;
        }
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    /** Whether this replica held the feed lease at its last poll. */
    public boolean isLeader() {
        return leader;
    }

    /** Gives the lease up (a replica stopping; tests): another replica takes it at its next poll. */
    public synchronized void release() {
        if (leader) {
            lease.release(FEED, holder);
            leader = false;
            Log.infof("Released the feed lease (%s)", holder);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        synchronized (this) {
            stopping = true;
        }
        try {
            release();
        } catch (RuntimeException e) {
            Log.warnf("Could not release the feed lease at shutdown (%s); it expires by itself", e.getMessage());
        }
    }

    /** Renews or takes the lease; false (and no lease) when another replica holds it or the database failed. */
    private boolean holdLease() {
        boolean held;
        try {
            held = !stopping && lease.holdOrTake(FEED, holder, config.leaseTtl());
        } catch (RuntimeException e) {
            Log.warnf("Could not renew or take the feed lease: %s", e.getMessage());
            held = false;
        }
        if (held && !leader) {
            Log.infof("Took the feed lease (%s): this replica reads intake's feed", holder);
            caughtUpAt = clock.instant();
            lagEvents = Double.NaN;
        } else if (!held && leader) {
            Log.infof("Lost the feed lease (%s) to another replica", holder);
        }
        leader = held;
        return held;
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
        if (!holdLease()) {
            return new PollResult(Outcome.NOT_LEADER, 0, lastCursor);
        }
        if (clock.instant().isBefore(nextAttempt)) {
            return new PollResult(Outcome.BACKING_OFF, 0, projection.cursor());
        }
        int applied = 0;
        long cursor = projection.cursor();
        try {
            for (int page = 0; page < config.maxPagesPerPoll(); page++) {
                if (page > 0 && !holdLease()) { // a long catch-up renews the lease as it goes
                    return new PollResult(Outcome.NOT_LEADER, applied, cursor);
                }
                IntakeEventPage events = intake.events(cursor, config.pageSize());
                if (events.events().isEmpty() && events.nextAfter() == cursor) {
                    recovered(cursor, events.head());
                    caughtUpAt = clock.instant();
                    return new PollResult(Outcome.CAUGHT_UP, applied, cursor);
                }
                ProjectionService.PageResult result = projection.apply(cursor, events);
                applied += result.applied();
                cursor = result.cursor();
                if (!result.stale() && events.events().size() < config.pageSize()) {
                    recovered(cursor, events.head());
                    caughtUpAt = clock.instant();
                    return new PollResult(Outcome.CAUGHT_UP, applied, cursor);
                }
                recovered(cursor, events.head());
            }
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

    private void recovered(long cursor, Long head) {
        lastCursor = cursor;
        lagEvents = head == null ? Double.NaN : Math.max(0, head - cursor);
        if (consecutiveFailures > 0) {
            Log.infof("Intake's event feed is reachable again after %d failed polls", consecutiveFailures);
        }
        consecutiveFailures = 0;
        nextAttempt = Instant.MIN;
    }
}
