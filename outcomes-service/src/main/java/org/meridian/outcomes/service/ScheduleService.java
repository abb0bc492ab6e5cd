package org.meridian.outcomes.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.meridian.outcomes.config.ScheduleConfig;
import org.meridian.outcomes.domain.Timepoint;
import org.meridian.outcomes.domain.schedule.DueStatus;
import org.meridian.outcomes.domain.schedule.Schedule;
import org.meridian.outcomes.domain.schedule.ScheduleItem;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.persistence.AssessmentRepository;
import org.meridian.outcomes.persistence.ProjectedEpisode;
import org.meridian.outcomes.persistence.ProjectedSession;
import org.meridian.outcomes.persistence.ProjectionRepository;

/**
 * What a patient's active episode (the latest PLANNED or ACTIVE one) expects, and whether each item is done, due,
 * overdue or missed. Days are UTC days. Windows:
 * <ul>
 * <li>BASELINE: from 14 days before the episode's start; due through the start date, overdue until the first session
 * starts, missed after it (progress then falls back to the first pre-session rating).</li>
 * <li>PRE_SESSION: due until the session starts, overdue for 30 minutes, then missed.</li>
 * <li>POST_SESSION: due from the session's start for the post-session window (2 hours), overdue (accepted, flagged
 * late) until 24 hours after the start, then missed.</li>
 * <li>FOLLOW_UP at 4/12/26 weeks after the start date: opens 7 days before, due through the target day, overdue for
 * 14 days after it, then missed.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScheduleService {

    private static final Duration PRE_SESSION_OPENS = Duration.ofHours(24);
    private static final Duration PRE_SESSION_GRACE = Duration.ofMinutes(30);
    private static final Duration POST_SESSION_CLOSES = Duration.ofHours(24);

    private final AssessmentRepository assessments;
    private final ProjectionRepository projection;
    private final ScheduleConfig config;
    private final KnownPatients patients;

    ScheduleService(
            AssessmentRepository assessments,
            ProjectionRepository projection,
            ScheduleConfig config,
            KnownPatients patients) {
        this.assessments = assessments;
        this.projection = projection;
        this.config = config;
        this.patients = patients;
    }

    /** The schedule of a patient the clinic knows (404 otherwise). */
    public Schedule schedule(UUID clinicId, UUID pseudonymId, Instant asOf) {
        patients.require(clinicId, pseudonymId);
        Optional<ProjectedEpisode> active = projection.episodesOfPatient(clinicId, pseudonymId).stream()
                .filter(episode -> episode.isOpen() && episode.startDate != null)
                .max(Comparator.comparing((ProjectedEpisode episode) -> episode.startDate));
        if (active.isEmpty()) {
            return new Schedule(pseudonymId, null, null, asOf, List.of());
        }
        ProjectedEpisode episode = active.get();
        List<AssessmentEntity> done = assessments.scoredOfPatient(clinicId, pseudonymId, episode.episodeId);
        List<ProjectedSession> sessions =
                projection.sessionsOfEpisode(clinicId, pseudonymId, episode.episodeId).stream()
                        .filter(session -> !session.cancelled && session.startedAt != null)
                        .sorted(Comparator.comparing((ProjectedSession session) -> session.startedAt))
                        .toList();
        Instant start = startOfDay(episode.startDate);
        List<ScheduleItem> items = new ArrayList<>();

        Instant firstSession = sessions.isEmpty() ? null : sessions.getFirst().startedAt;
        for (String instrument : config.baselineInstruments()) {
            Optional<AssessmentEntity> answer = find(done, instrument, Timepoint.BASELINE, null, null);
            Instant dueBy = endOfDay(episode.startDate);
            Instant closes = firstSession != null ? firstSession : null;
            items.add(item(
                    Timepoint.BASELINE,
                    instrument,
                    null,
                    null,
                    null,
                    start.minus(AssessmentLinker.BASELINE_LEAD),
                    dueBy,
                    closes,
                    answer,
                    asOf));
        }
        for (ProjectedSession session : sessions) {
            for (String instrument : config.sessionInstruments()) {
                items.add(item(
                        Timepoint.PRE_SESSION,
                        instrument,
                        session.sessionId,
                        session.sessionNumber,
                        null,
                        session.startedAt.minus(PRE_SESSION_OPENS),
                        session.startedAt,
                        session.startedAt.plus(PRE_SESSION_GRACE),
                        find(done, instrument, Timepoint.PRE_SESSION, session.sessionId, null),
                        asOf));
                items.add(item(
                        Timepoint.POST_SESSION,
                        instrument,
                        session.sessionId,
                        session.sessionNumber,
                        null,
                        session.startedAt,
                        session.startedAt.plus(config.postSessionWindow()),
                        session.startedAt.plus(POST_SESSION_CLOSES),
                        find(done, instrument, Timepoint.POST_SESSION, session.sessionId, null),
                        asOf));
            }
        }
        for (int weeks : config.followUpWeeks()) {
            LocalDate target = episode.startDate.plusWeeks(weeks);
            for (String instrument : config.followUpInstruments()) {
                items.add(item(
                        Timepoint.FOLLOW_UP,
                        instrument,
                        null,
                        null,
                        weeks,
                        startOfDay(target.minusDays(config.followUpOpensDaysBefore())),
                        endOfDay(target),
                        endOfDay(target.plusDays(config.followUpClosesDaysAfter())),
                        find(done, instrument, Timepoint.FOLLOW_UP, null, weeks),
                        asOf));
            }
        }
        return new Schedule(pseudonymId, episode.episodeId, episode.startDate, asOf, items);
    }

    private static ScheduleItem item(
            Timepoint timepoint,
            String instrument,
            UUID sessionId,
            Integer sessionNumber,
            Integer weeks,
            Instant opens,
            Instant dueBy,
            Instant closes,
            Optional<AssessmentEntity> answer,
            Instant asOf) {
        return new ScheduleItem(
                timepoint,
                instrument,
                sessionId,
                sessionNumber,
                weeks,
                opens,
                dueBy,
                closes,
                status(opens, dueBy, closes, answer.isPresent(), asOf),
                answer.map(row -> row.id).orElse(null));
    }

    /** @param closes null while the window has no end yet (a baseline before any session) */
    static DueStatus status(Instant opens, Instant dueBy, Instant closes, boolean answered, Instant asOf) {
        if (answered) {
            return DueStatus.DONE;
        }
        if (asOf.isBefore(opens)) {
            return DueStatus.UPCOMING;
        }
        if (closes != null && !asOf.isBefore(closes)) {
            return DueStatus.MISSED;
        }
        return asOf.isAfter(dueBy) ? DueStatus.OVERDUE : DueStatus.DUE;
    }

    private static Optional<AssessmentEntity> find(
            List<AssessmentEntity> done, String instrument, Timepoint timepoint, UUID sessionId, Integer weeks) {
        return done.stream()
                .filter(row -> row.instrumentCode.equals(instrument)
                        && row.timepoint == timepoint
                        && (sessionId == null || sessionId.equals(row.sessionId))
                        && (weeks == null || weeks.equals(row.followUpWeeks)))
                .findFirst();
    }

    private static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant endOfDay(LocalDate day) {
        return startOfDay(day.plusDays(1)).minusNanos(1);
    }
}
