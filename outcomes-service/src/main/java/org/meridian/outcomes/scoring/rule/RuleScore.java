package org.meridian.outcomes.scoring.rule;

import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.ScoreDetails;

/** A rule's output: the exact primary score and the instrument-specific details. */
public record RuleScore(Rational value, ScoreDetails details) {}
