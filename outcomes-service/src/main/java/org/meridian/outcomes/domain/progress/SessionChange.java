package org.meridian.outcomes.domain.progress;

import java.util.UUID;
import org.meridian.outcomes.scoring.change.ChangeOutcome;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

/** Within-session change of a pain rating: the post-session answer against the pre-session one of the same session. */
public record SessionChange(
        UUID sessionId,
        Integer sessionNumber,
        InstrumentDefinition instrument,
        ScoredPoint pre,
        ScoredPoint post,
        ChangeOutcome change) {}
