package org.meridian.outcomes.scoring.result;

/** PGIC answer: the 1..7 code, its category, and whether it counts as clinically important improvement. */
public record PgicDetails(int code, PgicCategory category, boolean improved) implements ScoreDetails {}
