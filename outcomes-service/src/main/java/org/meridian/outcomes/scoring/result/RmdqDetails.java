package org.meridian.outcomes.scoring.result;

/** Roland-Morris: the number of statements answered "yes" (0..24). */
public record RmdqDetails(int yesCount) implements ScoreDetails {}
