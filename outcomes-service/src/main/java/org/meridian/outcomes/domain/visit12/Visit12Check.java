package org.meridian.outcomes.domain.visit12;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.meridian.outcomes.domain.progress.MeasureProgress;

/**
 * Visit-12 improvement check of an episode.
 *
 * @param evaluatedUntil assessments answered up to this moment count: the 13th session's start, the end of the 90
 *        days, or the check's time, whichever comes first
 * @param improvementDocumented true if any measure met its responder rule, false if measures exist and none did,
 *        null without evidence
 * @param worsening any measure deteriorated by its MCID, or PGIC is much or very much worse
 * @param sessionsThisYear sessions held in the annual cap's window, all episodes of the patient
 * @param rule the rule that produced the decision; {@code reason} says why in words
 */
public record Visit12Check(
        UUID pseudonymId,
        UUID episodeId,
        Instant asOf,
        Instant firstSessionAt,
        Instant initialPeriodEndsAt,
        int sessionsHeld,
        int initialSessionsHeld,
        int initialSessionLimit,
        Instant evaluatedUntil,
        Boolean improvementDocumented,
        boolean worsening,
        List<MeasureProgress> evidence,
        int additionalSessionsAllowed,
        int sessionsThisYear,
        int annualCap,
        int remainingUnderAnnualCap,
        AnnualCapWindow annualCapWindow,
        Visit12Decision decision,
        Visit12Rule rule,
        String reason) {}
