package org.meridian.outcomes.scoring.change;

/**
 * The instrument is not a change-from-baseline measure (docs/scoring.md#change-and-responders: PGIC and STarT Back).
 */
public record ChangeNotApplicable(String instrumentCode, String instrumentVersion, String reason)
        implements ChangeOutcome {}
