package org.meridian.outcomes.scoring.instrument;

/** Which way a score points; change and responder logic depend on it (docs/scoring.md#direction). */
public enum ScoreDirection {
    HIGHER_IS_WORSE,
    HIGHER_IS_BETTER
}
