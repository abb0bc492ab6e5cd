package org.meridian.outcomes.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.meridian.outcomes.domain.Timepoint;
import org.meridian.outcomes.domain.progress.FirstResponse;
import org.meridian.outcomes.domain.progress.MeasureProgress;
import org.meridian.outcomes.domain.progress.Progress;
import org.meridian.outcomes.domain.progress.ScoredPoint;
import org.meridian.outcomes.domain.progress.SessionChange;
import org.meridian.outcomes.domain.progress.Trajectory;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.persistence.AssessmentRepository;
import org.meridian.outcomes.persistence.ProjectedEpisode;
import org.meridian.outcomes.persistence.ProjectedSession;
import org.meridian.outcomes.persistence.ProjectionRepository;
import org.meridian.outcomes.scoring.change.ChangeOutcome;
import org.meridian.outcomes.scoring.change.ChangeResult;
import org.meridian.outcomes.scoring.instrument.InstrumentCodes;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.PgicCategory;
import org.meridian.platform.web.problem.ResourceNotFoundException;

/**
 * Change from baseline, responder status and trajectories, computed on read from the stored exact scores
 * (never from rounded decimals), so ODI 30/45 -> 21/45 is exactly a 30 % improvement.
 *
 * <p>Baseline: the first scored BASELINE, else the earliest PRE_SESSION. Course-level change ("latest") uses every
 * later scored assessment except POST_SESSION ones: those measure a session's immediate effect and are reported as
 * within-session change (pre vs post of the same session) instead.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProgressService {

    /** The pain ratings asked just before and after a session, each compared with itself only (VAS never with NRS). */
    private static final Set<String> SESSION_PAIN_RATINGS =
            Set.of(InstrumentCodes.NRS_BACK_PAIN, InstrumentCodes.NRS_LEG_PAIN, InstrumentCodes.VAS_PAIN);

    private final AssessmentRepository assessments;
    private final ProjectionRepository projection;
    private final InstrumentRegistry instruments;
    private final KnownPatients patients;

    ProgressService(
            AssessmentRepository assessments,
            ProjectionRepository projection,
            InstrumentRegistry instruments,
            KnownPatients patients) {
        this.assessments = assessments;
        this.projection = projection;
        this.instruments = instruments;
        this.patients = patients;
    }

    public Progress progress(UUID clinicId, UUID pseudonymId, UUID episodeId) {
        Timeline timeline = timeline(clinicId, pseudonymId, episodeId);
        List<MeasureProgress> measures = new ArrayList<>();
        timeline.byInstrument().forEach((instrument, points) -> measures.add(measure(instrument, points, timeline)));
        return new Progress(pseudonymId, episodeId, timeline.heldSessions().size(), measures, withinSession(timeline));
    }

    /** Progress of one episode counting only assessments answered up to {@code until} (the visit-12 check). */
    public List<MeasureProgress> measuresUntil(UUID clinicId, UUID pseudonymId, UUID episodeId, Instant until) {
        Timeline all = timeline(clinicId, pseudonymId, episodeId);
        Map<InstrumentDefinition, List<ScoredPoint>> upTo = new LinkedHashMap<>();
        all.byInstrument().forEach((instrument, points) -> {
            List<ScoredPoint> early = points.stream()
                    .filter(point -> !point.answeredAt().isAfter(until))
                    .toList();
            if (!early.isEmpty()) {
                upTo.put(instrument, early);
            }
        });
        Timeline timeline = new Timeline(upTo, all.heldSessions());
        List<MeasureProgress> measures = new ArrayList<>();
        timeline.byInstrument().forEach((instrument, points) -> measures.add(measure(instrument, points, timeline)));
        return measures;
    }

    public Trajectory trajectory(UUID clinicId, UUID pseudonymId, UUID episodeId, String instrumentCode) {
        Timeline timeline = timeline(clinicId, pseudonymId, episodeId);
        List<Trajectory.Series> series = new ArrayList<>();
        timeline.byInstrument().forEach((instrument, points) -> {
            if (instrumentCode == null || instrument.code().equals(instrumentCode)) {
                series.add(new Trajectory.Series(instrument, points));
            }
        });
        return new Trajectory(pseudonymId, episodeId, series);
    }

    /**
     * The scored assessments in scope, as points grouped by instrument version (registry order), oldest first.
     * A patient the clinic does not know, or an episode not theirs, is a 404.
     */
    Timeline timeline(UUID clinicId, UUID pseudonymId, UUID episodeId) {
        patients.require(clinicId, pseudonymId);
        if (episodeId != null) {
            requireEpisodeOfPatient(clinicId, pseudonymId, episodeId);
        }
        List<ProjectedSession> sessions = projection.sessionsOfPatient(clinicId, pseudonymId).stream()
                .filter(session -> episodeId == null || episodeId.equals(session.episodeId))
                .toList();
        Map<UUID, ProjectedSession> sessionsById =
                sessions.stream().collect(Collectors.toMap(session -> session.sessionId, Function.identity()));
        Map<InstrumentDefinition, List<ScoredPoint>> byInstrument = new LinkedHashMap<>();
        List<AssessmentEntity> rows = assessments.scoredOfPatient(clinicId, pseudonymId, episodeId);
        for (InstrumentDefinition instrument : instruments.all()) {
            List<ScoredPoint> points = rows.stream()
                    .filter(row -> row.instrumentCode.equals(instrument.code())
                            && row.instrumentVersion.equals(instrument.version()))
                    .map(row -> point(row, sessionsById.get(row.sessionId)))
                    .toList();
            if (!points.isEmpty()) {
                byInstrument.put(instrument, points);
            }
        }
        List<ProjectedSession> held =
                sessions.stream().filter(session -> !session.cancelled).toList();
        return new Timeline(byInstrument, held);
    }

    record Timeline(Map<InstrumentDefinition, List<ScoredPoint>> byInstrument, List<ProjectedSession> heldSessions) {}

    private void requireEpisodeOfPatient(UUID clinicId, UUID pseudonymId, UUID episodeId) {
        Optional<ProjectedEpisode> episode = projection.episode(episodeId);
        boolean known = episode.map(e -> e.pseudonymId.equals(pseudonymId) && e.clinicId.equals(clinicId))
                .orElseGet(() -> !assessments
                        .scoredOfPatient(clinicId, pseudonymId, episodeId)
                        .isEmpty());
        if (!known) {
            throw new ResourceNotFoundException("episode", episodeId);
        }
    }

    private MeasureProgress measure(InstrumentDefinition instrument, List<ScoredPoint> points, Timeline timeline) {
        List<ScoredPoint> course = points.stream()
                .filter(point -> point.timepoint() != Timepoint.POST_SESSION)
                .toList();
        if (instrument.code().equals(InstrumentCodes.PGIC)) {
            ScoredPoint latest = course.isEmpty() ? null : course.getLast();
            Boolean improved = latest == null
                    ? null
                    : PgicCategory.forCode(latest.score().numerator().intValueExact())
                            .isClinicallyImportantImprovement();
            return new MeasureProgress(instrument, null, latest, null, improved, null, points.size());
        }
        Optional<ScoredPoint> baseline = course.stream()
                .filter(point -> point.timepoint() == Timepoint.BASELINE)
                .findFirst()
                .or(() -> course.stream()
                        .filter(point -> point.timepoint() == Timepoint.PRE_SESSION)
                        .findFirst());
        if (baseline.isEmpty()) {
            return new MeasureProgress(
                    instrument, null, course.isEmpty() ? null : course.getLast(), null, null, null, points.size());
        }
        ScoredPoint base = baseline.get();
        List<ScoredPoint> after = course.stream()
                .filter(point -> point != base && !point.answeredAt().isBefore(base.answeredAt()))
                .toList();
        if (after.isEmpty()) {
            return new MeasureProgress(instrument, base, null, null, null, null, points.size());
        }
        FirstResponse firstResponse = null;
        for (ScoredPoint point : after) {
            ChangeOutcome change = change(instrument, base, point);
            if (change instanceof ChangeResult result && Boolean.TRUE.equals(result.responder())) {
                firstResponse = new FirstResponse(point, sessionsBefore(point, timeline.heldSessions()));
                break;
            }
        }
        ScoredPoint latest = after.getLast();
        ChangeOutcome change = change(instrument, base, latest);
        Boolean responder = change instanceof ChangeResult result ? result.responder() : null;
        return new MeasureProgress(instrument, base, latest, change, responder, firstResponse, points.size());
    }

    private List<SessionChange> withinSession(Timeline timeline) {
        List<SessionChange> changes = new ArrayList<>();
        timeline.byInstrument().forEach((instrument, points) -> {
            if (!SESSION_PAIN_RATINGS.contains(instrument.code())) {
                return;
            }
            Map<UUID, List<ScoredPoint>> bySession = points.stream()
                    .filter(point -> point.sessionId() != null)
                    .collect(Collectors.groupingBy(ScoredPoint::sessionId, LinkedHashMap::new, Collectors.toList()));
            bySession.forEach((sessionId, sessionPoints) -> {
                Optional<ScoredPoint> pre = lastOf(sessionPoints, Timepoint.PRE_SESSION);
                Optional<ScoredPoint> post = lastOf(sessionPoints, Timepoint.POST_SESSION);
                if (pre.isPresent() && post.isPresent()) {
                    changes.add(new SessionChange(
                            sessionId,
                            pre.get().sessionNumber(),
                            instrument,
                            pre.get(),
                            post.get(),
                            change(instrument, pre.get(), post.get())));
                }
            });
        });
        changes.sort(Comparator.comparing((SessionChange change) -> change.pre().answeredAt())
                .thenComparing(change -> change.instrument().code()));
        return changes;
    }

    private static Optional<ScoredPoint> lastOf(List<ScoredPoint> points, Timepoint timepoint) {
        return points.stream().filter(point -> point.timepoint() == timepoint).reduce((first, second) -> second);
    }

    private ChangeOutcome change(InstrumentDefinition instrument, ScoredPoint from, ScoredPoint to) {
        return instruments.changeCalculator().calculate(instrument, from.score(), to.score());
    }

    /**
     * Sessions held before an assessment: n - 1 before session n, n after it; otherwise the sessions started before
     * the answer.
     */
    static int sessionsBefore(ScoredPoint point, List<ProjectedSession> heldSessions) {
        if (point.sessionNumber() != null && point.timepoint() == Timepoint.PRE_SESSION) {
            return point.sessionNumber() - 1;
        }
        if (point.sessionNumber() != null && point.timepoint() == Timepoint.POST_SESSION) {
            return point.sessionNumber();
        }
        return (int) heldSessions.stream()
                .filter(session -> session.startedAt != null && session.startedAt.isBefore(point.answeredAt()))
                .count();
    }

    private static ScoredPoint point(AssessmentEntity row, ProjectedSession session) {
        return new ScoredPoint(
                row.id,
                row.answeredAt,
                row.timepoint,
                row.episodeId,
                row.sessionId,
                session == null ? null : session.sessionNumber,
                row.followUpWeeks,
                row.recallPeriod,
                Rational.parse(row.scoreExact),
                row.late);
    }
}
