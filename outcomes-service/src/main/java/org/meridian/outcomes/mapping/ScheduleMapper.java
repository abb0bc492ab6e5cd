package org.meridian.outcomes.mapping;

import static org.meridian.outcomes.mapping.AssessmentMapper.utc;

import org.meridian.outcomes.domain.progress.MeasureProgress;
import org.meridian.outcomes.domain.schedule.Schedule;
import org.meridian.outcomes.domain.visit12.Visit12Check;
import org.meridian.outcomes.rest.dto.ScheduleResponse;
import org.meridian.outcomes.rest.dto.Visit12Response;
import org.meridian.outcomes.scoring.change.ChangeResult;
import org.meridian.outcomes.scoring.math.ScoreRounding;

public final class ScheduleMapper {

    private ScheduleMapper() {}

    public static ScheduleResponse toResponse(Schedule schedule) {
        return new ScheduleResponse(
                schedule.pseudonymId(),
                schedule.episodeId(),
                schedule.episodeStartDate(),
                utc(schedule.asOf()),
                schedule.items().stream()
                        .map(item -> new ScheduleResponse.Item(
                                item.timepoint().name(),
                                item.instrumentCode(),
                                item.sessionId(),
                                item.sessionNumber(),
                                item.followUpWeeks(),
                                utc(item.opensAt()),
                                utc(item.dueBy()),
                                utc(item.closesAt()),
                                item.status().name(),
                                item.assessmentId()))
                        .toList());
    }

    public static Visit12Response toResponse(Visit12Check check) {
        return new Visit12Response(
                check.pseudonymId(),
                check.episodeId(),
                utc(check.asOf()),
                utc(check.firstSessionAt()),
                utc(check.initialPeriodEndsAt()),
                check.sessionsHeld(),
                check.initialSessionsHeld(),
                check.initialSessionLimit(),
                utc(check.evaluatedUntil()),
                check.improvementDocumented(),
                check.worsening(),
                check.evidence().stream().map(ScheduleMapper::evidence).toList(),
                check.additionalSessionsAllowed(),
                check.sessionsThisYear(),
                check.annualCap(),
                check.remainingUnderAnnualCap(),
                new Visit12Response.CapWindow(
                        check.annualCapWindow().basis().name(),
                        utc(check.annualCapWindow().from()),
                        utc(check.annualCapWindow().until()),
                        check.annualCapWindow().zone().getId()),
                check.decision().name(),
                check.rule().name(),
                check.reason());
    }

    private static Visit12Response.Evidence evidence(MeasureProgress measure) {
        ChangeResult change = measure.change() instanceof ChangeResult result ? result : null;
        return new Visit12Response.Evidence(
                measure.instrument().code(),
                measure.instrument().version(),
                measure.baseline() == null
                        ? null
                        : ScoreRounding.forApi(measure.baseline().score()),
                measure.latest() == null
                        ? null
                        : ScoreRounding.forApi(measure.latest().score()),
                change == null ? null : ScoreRounding.forApi(change.percentImprovement()),
                change == null ? null : change.responderAbsolute(),
                change == null ? null : change.responderRelative(),
                change == null ? null : change.deteriorationAbsolute(),
                change == null ? null : change.deteriorationRelative(),
                measure.responder());
    }
}
