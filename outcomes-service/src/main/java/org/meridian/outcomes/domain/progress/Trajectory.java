package org.meridian.outcomes.domain.progress;

import java.util.List;
import java.util.UUID;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

/** Per-instrument time series of scores, oldest first. */
public record Trajectory(UUID pseudonymId, UUID episodeId, List<Series> series) {

    public record Series(InstrumentDefinition instrument, List<ScoredPoint> points) {}
}
