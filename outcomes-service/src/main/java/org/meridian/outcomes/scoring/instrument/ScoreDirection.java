package org.meridian.outcomes.scoring.instrument;

/** Which way a score points; change and responder logic depend on it (SCORING.md, general rules). */
public enum ScoreDirection {
    HIGHER_IS_WORSE,
    HIGHER_IS_BETTER
}
