package org.meridian.outcomes.mapping;

import static org.meridian.outcomes.mapping.AssessmentMapper.utc;

import org.meridian.outcomes.domain.progress.FirstResponse;
import org.meridian.outcomes.domain.progress.MeasureProgress;
import org.meridian.outcomes.domain.progress.Progress;
import org.meridian.outcomes.domain.progress.ScoredPoint;
import org.meridian.outcomes.domain.progress.SessionChange;
import org.meridian.outcomes.domain.progress.Trajectory;
import org.meridian.outcomes.rest.dto.ProgressResponse;
import org.meridian.outcomes.rest.dto.TrajectoryResponse;
import org.meridian.outcomes.scoring.change.ChangeNotApplicable;
import org.meridian.outcomes.scoring.change.ChangeOutcome;
import org.meridian.outcomes.scoring.change.ChangeResult;
import org.meridian.outcomes.scoring.instrument.ChangeRules;
import org.meridian.outcomes.scoring.math.ScoreRounding;

/** Exact progress results -> API views, every decimal rounded only here (half-up to at most 4 places, no trailing zeros). */
public final class ProgressMapper {

    private ProgressMapper() {}

    public static ProgressResponse toResponse(Progress progress) {
        return new ProgressResponse(
                progress.pseudonymId(),
                progress.episodeId(),
                progress.sessionsHeld(),
                progress.measures().stream().map(ProgressMapper::measure).toList(),
                progress.withinSession().stream()
                        .map(ProgressMapper::withinSession)
                        .toList());
    }

    public static TrajectoryResponse toResponse(Trajectory trajectory) {
        return new TrajectoryResponse(
                trajectory.pseudonymId(),
                trajectory.episodeId(),
                trajectory.series().stream()
                        .map(series -> new TrajectoryResponse.Series(
                                series.instrument().code(),
                                series.instrument().version(),
                                series.instrument().title(),
                                series.instrument().direction().name(),
                                series.points().stream()
                                        .map(point -> new TrajectoryResponse.Point(
                                                point.assessmentId(),
                                                utc(point.answeredAt()),
                                                point.timepoint().name(),
                                                point.sessionId(),
                                                point.sessionNumber(),
                                                point.followUpWeeks(),
                                                point.recallPeriod(),
                                                ScoreRounding.forApi(point.score()),
                                                point.score().toString(),
                                                point.late()))
                                        .toList()))
                        .toList());
    }

    private static ProgressResponse.Measure measure(MeasureProgress measure) {
        String note =
                measure.instrument().changeRules() instanceof ChangeRules.NotAChangeMeasure not ? not.reason() : null;
        return new ProgressResponse.Measure(
                measure.instrument().code(),
                measure.instrument().version(),
                measure.instrument().direction().name(),
                measure.assessmentCount(),
                point(measure.baseline()),
                point(measure.latest()),
                change(measure.change()),
                note,
                measure.responder(),
                firstResponse(measure.firstResponse()));
    }

    private static ProgressResponse.WithinSession withinSession(SessionChange change) {
        return new ProgressResponse.WithinSession(
                change.sessionId(),
                change.sessionNumber(),
                change.instrument().code(),
                change.pre().assessmentId(),
                change.post().assessmentId(),
                ScoreRounding.forApi(change.pre().score()),
                ScoreRounding.forApi(change.post().score()),
                change(change.change()),
                change.post().late());
    }

    private static ProgressResponse.Point point(ScoredPoint point) {
        return point == null
                ? null
                : new ProgressResponse.Point(
                        point.assessmentId(),
                        utc(point.answeredAt()),
                        point.timepoint().name(),
                        point.sessionId(),
                        point.sessionNumber(),
                        point.followUpWeeks(),
                        ScoreRounding.forApi(point.score()),
                        point.score().toString());
    }

    private static ProgressResponse.FirstResponse firstResponse(FirstResponse first) {
        return first == null
                ? null
                : new ProgressResponse.FirstResponse(
                        first.point().assessmentId(), utc(first.point().answeredAt()), first.sessionsBefore());
    }

    private static ProgressResponse.Change change(ChangeOutcome outcome) {
        return switch (outcome) {
            case null -> null;
            case ChangeNotApplicable ignored -> null;
            case ChangeResult result ->
                new ProgressResponse.Change(
                        ScoreRounding.forApi(result.change()),
                        ScoreRounding.forApi(result.improvement()),
                        ScoreRounding.forApi(result.percentImprovement()),
                        result.responderAbsolute(),
                        result.responderRelative(),
                        result.deteriorationAbsolute(),
                        result.deteriorationRelative(),
                        result.responder(),
                        result.improvedAtLeast30Percent(),
                        result.improvedAtLeast50Percent());
        };
    }
}
