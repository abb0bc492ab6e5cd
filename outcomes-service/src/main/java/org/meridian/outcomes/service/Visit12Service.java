package org.meridian.outcomes.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.outcomes.config.Visit12Config;
import org.meridian.outcomes.domain.progress.MeasureProgress;
import org.meridian.outcomes.domain.visit12.AnnualCapWindow;
import org.meridian.outcomes.domain.visit12.Visit12Check;
import org.meridian.outcomes.domain.visit12.Visit12Rules;
import org.meridian.outcomes.persistence.ProjectedSession;
import org.meridian.outcomes.persistence.ProjectionRepository;
import org.meridian.outcomes.scoring.change.ChangeResult;
import org.meridian.outcomes.scoring.instrument.InstrumentCodes;
import org.meridian.outcomes.scoring.result.PgicCategory;

/**
 * US Medicare NCD 30.3.3 (chronic low back pain): up to 12 sessions in 90 days; 8 more only for patients who
 * demonstrably improve; at most 20 a year; stop when not improving or regressing. "Improving" is any measure meeting
 * its responder rule (or PGIC much/very much improved) between baseline and the latest assessment of the initial
 * course; "regressing" is any measure's deterioration flag (or PGIC much/very much worse). {@link Visit12Rules}
 * decides; docs/clinical-rules.md states the rules.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Visit12Service {

    private final ProgressService progress;
    private final ProjectionRepository projection;
    private final Visit12Config config;

    Visit12Service(ProgressService progress, ProjectionRepository projection, Visit12Config config) {
        this.progress = progress;
        this.projection = projection;
        this.config = config;
    }

    public Visit12Check check(UUID clinicId, UUID pseudonymId, UUID episodeId, Instant asOf) {
        // Also verifies that the clinic knows the patient and that the episode is theirs (404 otherwise).
        progress.timeline(clinicId, pseudonymId, episodeId);
        List<ProjectedSession> held = projection.sessionsOfEpisode(clinicId, pseudonymId, episodeId).stream()
                .filter(session -> !session.cancelled && session.startedAt != null && !session.startedAt.isAfter(asOf))
                .sorted(Comparator.comparing((ProjectedSession session) -> session.startedAt))
                .toList();
        Instant first = held.isEmpty() ? null : held.getFirst().startedAt;
        Instant periodEnd = first == null ? null : first.plus(Duration.ofDays(config.initialPeriodDays()));
        List<ProjectedSession> initial = held.stream()
                .filter(session -> session.startedAt.isBefore(periodEnd))
                .limit(config.initialSessions())
                .toList();
        Instant evaluatedUntil = periodEnd == null || asOf.isBefore(periodEnd) ? asOf : periodEnd;
        if (held.size() > config.initialSessions()) {
            Instant next = held.get(config.initialSessions()).startedAt;
            evaluatedUntil = next.isBefore(evaluatedUntil) ? next : evaluatedUntil;
        }
        List<MeasureProgress> evidence =
                progress.measuresUntil(clinicId, pseudonymId, episodeId, evaluatedUntil).stream()
                        .filter(measure -> measure.responder() != null)
                        .toList();
        Boolean improved = evidence.isEmpty()
                ? null
                : evidence.stream().anyMatch(measure -> Boolean.TRUE.equals(measure.responder()));
        List<String> deteriorated = evidence.stream()
                .filter(Visit12Service::deteriorated)
                .map(measure -> measure.instrument().code())
                .distinct()
                .toList();
        List<String> responders = evidence.stream()
                .filter(measure -> Boolean.TRUE.equals(measure.responder()))
                .map(measure -> measure.instrument().code())
                .distinct()
                .toList();

        AnnualCapWindow window = AnnualCapWindow.of(config.annualCapWindow(), asOf, zoneOf(clinicId));
        int sessionsThisYear = (int) projection.heldSessionsOfPatientBetween(
                clinicId, pseudonymId, window.from(), window.until().plusNanos(1));
        boolean initialCourseOpen =
                initial.size() < config.initialSessions() && (periodEnd == null || asOf.isBefore(periodEnd));
        Visit12Rules.Outcome outcome = Visit12Rules.decide(new Visit12Rules.Facts(
                initialCourseOpen,
                initial.size(),
                config.initialSessions(),
                config.initialPeriodDays(),
                improved,
                deteriorated,
                responders,
                sessionsThisYear,
                config.annualCap(),
                config.additionalSessions()));
        return new Visit12Check(
                pseudonymId,
                episodeId,
                asOf,
                first,
                periodEnd,
                held.size(),
                initial.size(),
                config.initialSessions(),
                evaluatedUntil,
                improved,
                !deteriorated.isEmpty(),
                evidence,
                outcome.additionalSessionsAllowed(),
                sessionsThisYear,
                config.annualCap(),
                Math.max(0, config.annualCap() - sessionsThisYear),
                window,
                outcome.decision(),
                outcome.rule(),
                outcome.reason());
    }

    /** Deteriorated by its MCID or by 30 %, or, for PGIC, the patient feels much or very much worse. */
    private static boolean deteriorated(MeasureProgress measure) {
        if (measure.change() instanceof ChangeResult result) {
            return Boolean.TRUE.equals(result.deteriorationAbsolute())
                    || Boolean.TRUE.equals(result.deteriorationRelative());
        }
        if (measure.instrument().code().equals(InstrumentCodes.PGIC) && measure.latest() != null) {
            PgicCategory category =
                    PgicCategory.forCode(measure.latest().score().numerator().intValueExact());
            return category == PgicCategory.MUCH_WORSE || category == PgicCategory.VERY_MUCH_WORSE;
        }
        return false;
    }

    /** The clinic's zone from intake's ClinicRegistered; UTC until that event has been applied. */
    private ZoneId zoneOf(UUID clinicId) {
        return projection
                .clinic(clinicId)
                .map(clinic -> clinic.timeZone)
                .flatMap(zone -> {
                    try {
                        return Optional.of(ZoneId.of(zone));
                    } catch (DateTimeException e) {
                        Log.warnf(
                                "Clinic %s has an unknown time zone %s; the annual cap's window uses UTC",
                                clinicId, zone);
                        return Optional.empty();
                    }
                })
                .orElse(ZoneOffset.UTC);
    }
}
