package org.meridian.outcomes.domain.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a patient's active episode expects, as of a moment; no episode means nothing is scheduled. */
public record Schedule(
        UUID pseudonymId, UUID episodeId, LocalDate episodeStartDate, Instant asOf, List<ScheduleItem> items) {}
