package org.meridian.outcomes.domain.progress;

import java.time.Instant;
import java.util.UUID;
import org.meridian.outcomes.domain.Timepoint;
import org.meridian.outcomes.scoring.math.Rational;

/** One scored assessment on a patient's time line, with its exact score and session number when known. */
public record ScoredPoint(
        UUID assessmentId,
        Instant answeredAt,
        Timepoint timepoint,
        UUID episodeId,
        UUID sessionId,
        Integer sessionNumber,
        Integer followUpWeeks,
        String recallPeriod,
        Rational score,
        boolean late) {}
