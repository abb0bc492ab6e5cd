package org.meridian.outcomes.scoring;

/**
 * What the {@link ScoringEngine} returns: a {@link Score}, a {@link Rejection} naming the bad or missing items,
 * or (only in draft mode) an {@link IncompleteDraft}.
 */
public sealed interface ScoringOutcome permits Score, Rejection, IncompleteDraft {

    String instrumentCode();

    String instrumentVersion();

    String policyId();
}
