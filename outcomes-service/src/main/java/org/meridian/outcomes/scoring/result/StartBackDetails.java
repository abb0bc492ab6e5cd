package org.meridian.outcomes.scoring.result;

/** STarT Back: total (0..9), psychosocial subscale (0..5) and the risk group they imply. */
public record StartBackDetails(int total, int psychosocialSubscale, StartBackRisk risk) implements ScoreDetails {}
