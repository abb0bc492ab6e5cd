package org.meridian.outcomes.domain.schedule;

import java.time.Instant;
import java.util.UUID;
import org.meridian.outcomes.domain.Timepoint;

/** One questionnaire the schedule expects: which instrument, at which timepoint, its window and status. */
public record ScheduleItem(
        Timepoint timepoint,
        String instrumentCode,
        UUID sessionId,
        Integer sessionNumber,
        Integer followUpWeeks,
        Instant opensAt,
        Instant dueBy,
        Instant closesAt,
        DueStatus status,
        UUID assessmentId) {}
