package org.meridian.outcomes.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.meridian.outcomes.config.Visit12Config;
import org.meridian.outcomes.domain.progress.MeasureProgress;
import org.meridian.outcomes.domain.visit12.Visit12Check;
import org.meridian.outcomes.domain.visit12.Visit12Decision;
import org.meridian.outcomes.persistence.ProjectedSession;
import org.meridian.outcomes.persistence.ProjectionRepository;
import org.meridian.outcomes.scoring.change.ChangeResult;

/**
 * US Medicare NCD 30.3.3 (chronic low back pain): up to 12 sessions in 90 days; 8 more only for patients who
 * demonstrably improve; at most 20 a year; stop when not improving or regressing. "Improving" is any measure meeting
 * its SCORING.md responder rule (or PGIC much/very much improved) between baseline and the latest assessment of the
 * initial course; "regressing" is any measure's deterioration flag.
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
        int sessionsThisYear = sessionsThisYear(clinicId, pseudonymId, asOf);
        int remaining = Math.max(0, config.annualCap() - sessionsThisYear);
        if (held.isEmpty()) {
            return new Visit12Check(pseudonymId, episodeId, asOf, null, null, 0, 0, config.initialSessions(), asOf,
                    null, false, List.of(), 0, sessionsThisYear, config.annualCap(), remaining,
                    Visit12Decision.INITIAL_COURSE_CONTINUES);
        }
        Instant first = held.getFirst().startedAt;
        Instant periodEnd = first.plus(Duration.ofDays(config.initialPeriodDays()));
        List<ProjectedSession> initial = held.stream().filter(session -> session.startedAt.isBefore(periodEnd))
                .limit(config.initialSessions()).toList();
        Instant evaluatedUntil = asOf.isBefore(periodEnd) ? asOf : periodEnd;
        if (held.size() > config.initialSessions()) {
            Instant next = held.get(config.initialSessions()).startedAt;
            evaluatedUntil = next.isBefore(evaluatedUntil) ? next : evaluatedUntil;
        }
        List<MeasureProgress> evidence = progress.measuresUntil(clinicId, pseudonymId, episodeId, evaluatedUntil)
                .stream().filter(measure -> measure.responder() != null).toList();
        Boolean improved = evidence.isEmpty() ? null
                : evidence.stream().anyMatch(measure -> Boolean.TRUE.equals(measure.responder()));
        boolean worsening = evidence.stream().anyMatch(measure -> measure.change() instanceof ChangeResult result
                && (Boolean.TRUE.equals(result.deteriorationAbsolute())
                        || Boolean.TRUE.equals(result.deteriorationRelative())));

        boolean initialCourseOpen = initial.size() < config.initialSessions() && asOf.isBefore(periodEnd);
        Visit12Decision decision;
        if (initialCourseOpen) {
            decision = Visit12Decision.INITIAL_COURSE_CONTINUES;
        } else if (improved == null) {
            decision = Visit12Decision.INSUFFICIENT_DATA;
        } else if (worsening) {
            decision = Visit12Decision.REGRESSING;
        } else if (!improved) {
            decision = Visit12Decision.NOT_IMPROVING;
        } else if (remaining == 0) {
            decision = Visit12Decision.ANNUAL_CAP_REACHED;
        } else {
            decision = Visit12Decision.ADDITIONAL_SESSIONS_SUPPORTED;
        }
        int additional = decision == Visit12Decision.ADDITIONAL_SESSIONS_SUPPORTED
                ? Math.min(config.additionalSessions(), remaining) : 0;
        return new Visit12Check(pseudonymId, episodeId, asOf, first, periodEnd, held.size(), initial.size(),
                config.initialSessions(), evaluatedUntil, improved, worsening, evidence, additional, sessionsThisYear,
                config.annualCap(), remaining, decision);
    }

    private int sessionsThisYear(UUID clinicId, UUID pseudonymId, Instant asOf) {
        LocalDate day = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        Instant yearStart = day.withDayOfYear(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant yearEnd = day.withDayOfYear(1).plusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return (int) projection.heldSessionsOfPatientBetween(clinicId, pseudonymId, yearStart,
                asOf.isBefore(yearEnd) ? asOf.plusNanos(1) : yearEnd);
    }
}
