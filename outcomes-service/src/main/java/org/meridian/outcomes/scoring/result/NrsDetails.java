package org.meridian.outcomes.scoring.result;

/** A 0..10 numeric rating of pain intensity (back or leg, never averaged). */
public record NrsDetails(int painIntensity) implements ScoreDetails {}
