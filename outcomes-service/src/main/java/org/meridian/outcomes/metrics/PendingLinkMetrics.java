package org.meridian.outcomes.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.meridian.outcomes.persistence.AssessmentRepository;
import org.meridian.outcomes.persistence.AssessmentRepository.PendingLinks;

/**
 * meridian_assessments_pending_links and meridian_assessments_pending_link_oldest_seconds: counted by one query every
 * {@code meridian.outcomes.pending-link.count-every} (30 s), never per scrape; a scrape reads the last count, and the
 * oldest one's age is computed from its receipt time at the scrape.
 */
@Startup
@ApplicationScoped
public class PendingLinkMetrics {

    private final AssessmentRepository assessments;
    private final Clock clock;
    private volatile PendingLinks last = new PendingLinks(0, java.util.Optional.empty());

    PendingLinkMetrics(AssessmentRepository assessments, Clock clock, MeterRegistry registry) {
        this.assessments = assessments;
        this.clock = clock;
        Gauge.builder("meridian.assessments.pending.links", this, metrics -> metrics.last.count())
                .description("Assessments whose link is PENDING (as of the last count, at most 30 s old)")
                .register(registry);
        TimeGauge.builder(
                        "meridian.assessments.pending.link.oldest",
                        this,
                        TimeUnit.SECONDS,
                        PendingLinkMetrics::oldestAgeSeconds)
                .description("Age of the oldest PENDING assessment; 0 when none")
                .register(registry);
    }

    @Scheduled(
            identity = "pending-link-count",
            every = "${meridian.outcomes.pending-link.count-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCount() {
        count();
    }

    /** Counts now (the schedule's work; tests call it to avoid waiting). */
    public void count() {
        last = QuarkusTransaction.requiringNew().call(assessments::pendingLinks);
    }

    private double oldestAgeSeconds() {
        return last.oldestReceivedAt()
                .map(oldest ->
                        Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
