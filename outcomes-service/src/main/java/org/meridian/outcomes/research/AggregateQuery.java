package org.meridian.outcomes.research;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A cohort aggregate request, validated. Filters are ANDed; an empty list or null means no filter.
 *
 * @param followUpWeeks when set, the follow-up is the FOLLOW_UP assessment labelled with these weeks; otherwise the
 *        latest scored assessment after the baseline that is not POST_SESSION
 * @param from only assessments answered at or after this instant count (baseline and follow-up)
 * @param to only assessments answered before this instant count
 * @param minSessions only patient-episodes with at least this many sessions held by the follow-up
 */
public record AggregateQuery(
        String instrument,
        String instrumentVersion,
        List<UUID> clinicIds,
        String painSite,
        String chronicity,
        String ageBand,
        String sex,
        Integer followUpWeeks,
        Instant from,
        Instant to,
        Integer minSessions,
        List<GroupDimension> groupBy) {

    public AggregateQuery {
        clinicIds = clinicIds == null ? List.of() : List.copyOf(clinicIds);
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    }
}
