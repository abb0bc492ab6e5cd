package org.meridian.outcomes.scoring.result;

/** A 0..100 mm visual analogue rating of pain intensity. */
public record VasDetails(int painIntensity) implements ScoreDetails {}
