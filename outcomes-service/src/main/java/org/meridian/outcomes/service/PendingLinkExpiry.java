package org.meridian.outcomes.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.meridian.outcomes.config.PendingLinkConfig;
import org.meridian.outcomes.persistence.AssessmentRepository;
import org.meridian.outcomes.persistence.AssessmentRepository.Expired;
import org.meridian.platform.audit.AuditEvent;

/**
 * Stops waiting for links that never come: submissions still PENDING {@code meridian.outcomes.pending-link.expiry}
 * (default 7 days) after they were received become EXPIRED, every {@code meridian.outcomes.pending-link.check-every}.
 * They are marked, not deleted: they are clinical data, an operator may reclaim them, and they are linked after all if
 * intake's events arrive. One UPDATE ... RETURNING decides which rows expire, so replicas running it at once expire
 * each row once, and each expired row gets one audit entry, written in the same transaction.
 */
@ApplicationScoped
public class PendingLinkExpiry {

    /** The audit trail's "who" for rows this job changes: the service itself, no user. */
    static final String SUBJECT = "outcomes-service";

    private static final String OPERATION = "PendingLinkExpiry.expire";
    private static final String METHOD = "JOB";

    private final AssessmentRepository assessments;
    private final PendingLinkConfig config;
    private final Clock clock;
    private final Counter expired;

    PendingLinkExpiry(AssessmentRepository assessments, PendingLinkConfig config, Clock clock, MeterRegistry registry) {
        this.assessments = assessments;
        this.config = config;
        this.clock = clock;
        this.expired = Counter.builder("meridian.assessments.pending.links.expired")
                .description("Assessments whose PENDING link expired (intake never announced what they refer to)")
                .baseUnit("assessments")
                .register(registry);
    }

    @Scheduled(
            identity = "pending-link-expiry",
            every = "${meridian.outcomes.pending-link.check-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledExpiry() {
        expire();
    }

    /** Expires what is due now; returns the expired assessments. */
    @Transactional
    public List<Expired> expire() {
        Instant now = clock.instant();
        List<Expired> rows = assessments.expirePendingReceivedBefore(now.minus(config.expiry()), now);
        for (Expired row : rows) {
            Panache.getEntityManager().persist(auditEntry(row, now));
        }
        if (!rows.isEmpty()) {
            expired.increment(rows.size());
            Log.warnf(
                    "%d assessments were still PENDING after %s and are now EXPIRED (kept; linked if intake's events"
                            + " come after all)",
                    rows.size(), config.expiry());
        }
        return rows;
    }

    private static AuditEvent auditEntry(Expired row, Instant now) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = now;
        event.subject = SUBJECT;
        event.clinicId = row.clinicId();
        event.httpMethod = METHOD;
        event.path = "/api/v1/outcomes/clinics/" + row.clinicId() + "/patients/" + row.pseudonymId() + "/assessments/"
                + row.id();
        event.operation = OPERATION;
        event.resourceType = "assessments";
        event.resourceId = row.id().toString();
        event.status = 200;
        return event;
    }
}
