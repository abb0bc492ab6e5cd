package org.meridian.outcomes.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.meridian.outcomes.config.PendingLinkConfig;
import org.meridian.outcomes.persistence.AssessmentRepository;
import org.meridian.outcomes.persistence.AssessmentRepository.Expired;
import org.meridian.outcomes.persistence.AssessmentRepository.UnannouncedPatient;
import org.meridian.platform.audit.AuditEvent;

/**
 * Stops waiting for links that will never come, every {@code meridian.outcomes.pending-link.check-every}:
 * <ul>
 *   <li>submissions about a patient the feed has not announced, accepted while intake could not be asked, whose
 *       pseudonym intake now says it never issued in the clinic (asked outside any transaction; the asking stops at the
 *       first unanswered question, so an unreachable intake is not hammered);
 *   <li>submissions still PENDING {@code meridian.outcomes.pending-link.expiry} (default 7 days) after receipt.
 * </ul>
 * Both become EXPIRED. They are marked, not deleted: they are clinical data, an operator may reclaim them, and they are
 * linked after all if intake's events arrive. Each UPDATE ... RETURNING decides which rows it expires, so replicas
 * running it at once expire each row once, and each expired row gets one audit entry in the same transaction.
 */
@ApplicationScoped
public class PendingLinkExpiry {

    /** The audit trail's "who" for rows this job changes: the service itself, no user. */
    static final String SUBJECT = "outcomes-service";

    /** Patients asked about per run at most. */
    private static final int ASKED_PER_RUN = 500;

    private static final String METHOD = "JOB";

    private enum Reason {
        WINDOW("window", "PendingLinkExpiry.expire"),
        NOT_ISSUED("not_issued", "PendingLinkExpiry.notIssued");

        final String tag;
        final String operation;

        Reason(String tag, String operation) {
            this.tag = tag;
            this.operation = operation;
        }
    }

    private final AssessmentRepository assessments;
    private final IssuedPseudonyms issued;
    private final PendingLinkConfig config;
    private final Clock clock;
    private final MeterRegistry registry;

    PendingLinkExpiry(
            AssessmentRepository assessments,
            IssuedPseudonyms issued,
            PendingLinkConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.assessments = assessments;
        this.issued = issued;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        for (Reason reason : Reason.values()) {
            counter(reason); // both series exist from the start, at 0
        }
    }

    @Scheduled(
            identity = "pending-link-expiry",
            every = "${meridian.outcomes.pending-link.check-every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledExpiry() {
        expire();
    }

    /** Expires what is due now; returns the expired assessments. */
    public List<Expired> expire() {
        List<Expired> expired = new ArrayList<>();
        List<UnannouncedPatient> unannounced =
                QuarkusTransaction.requiringNew().call(() -> assessments.unannouncedWithPending(ASKED_PER_RUN));
        for (UnannouncedPatient patient : unannounced) {
            IssuedPseudonyms.Answer answer = issued.ask(patient.clinicId(), patient.pseudonymId());
            if (answer == IssuedPseudonyms.Answer.UNANSWERED) {
                break;
            }
            if (answer == IssuedPseudonyms.Answer.NOT_ISSUED) {
                expired.addAll(QuarkusTransaction.requiringNew()
                        .call(() -> record(
                                Reason.NOT_ISSUED,
                                assessments.expirePendingOfUnannounced(
                                        patient.clinicId(), patient.pseudonymId(), clock.instant()))));
            }
        }
        expired.addAll(QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            return record(Reason.WINDOW, assessments.expirePendingReceivedBefore(now.minus(config.expiry()), now));
        }));
        return expired;
    }

    private List<Expired> record(Reason reason, List<Expired> rows) {
        Instant now = clock.instant();
        for (Expired row : rows) {
            Panache.getEntityManager().persist(auditEntry(row, reason, now));
        }
        if (!rows.isEmpty()) {
            counter(reason).increment(rows.size());
            Log.warnf(
                    "%d PENDING assessments are now EXPIRED (%s; kept, and linked if intake's events come after all)",
                    rows.size(),
                    reason == Reason.WINDOW
                            ? "still pending after " + config.expiry()
                            : "intake never issued their pseudonym in the clinic");
        }
        return rows;
    }

    private Counter counter(Reason reason) {
        return Counter.builder("meridian.assessments.pending.links.expired")
                .description("Assessments whose PENDING link expired: intake never issued the pseudonym in the clinic"
                        + " (not_issued), or never announced what they refer to within the window (window)")
                .baseUnit("assessments")
                .tag("reason", reason.tag)
                .register(registry);
    }

    private static AuditEvent auditEntry(Expired row, Reason reason, Instant now) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = now;
        event.subject = SUBJECT;
        event.clinicId = row.clinicId();
        event.httpMethod = METHOD;
        event.path = "/api/v1/outcomes/clinics/" + row.clinicId() + "/patients/" + row.pseudonymId() + "/assessments/"
                + row.id();
        event.operation = reason.operation;
        event.resourceType = "assessments";
        event.resourceId = row.id().toString();
        event.status = 200;
        return event;
    }
}
