package org.meridian.outcomes.scoring.result;

/** Roland-Morris: {@code total} is the number of statements answered "yes" (0..24). */
public record RmdqDetails(int total) implements ScoreDetails {}
