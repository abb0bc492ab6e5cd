package org.meridian.outcomes.domain.progress;

import java.util.List;
import java.util.UUID;

/** A patient's (or one episode's) change and responder status per instrument, and within-session changes. */
public record Progress(
        UUID pseudonymId,
        UUID episodeId,
        int sessionsHeld,
        List<MeasureProgress> measures,
        List<SessionChange> withinSession) {}
