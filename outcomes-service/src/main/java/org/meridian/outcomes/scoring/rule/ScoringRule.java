package org.meridian.outcomes.scoring.rule;

import java.util.Map;

/**
 * How one instrument version turns valid item answers into a score, and how many items may be missing.
 * The {@link #policyId()} is stored with every score so that it can be recomputed and explained later.
 */
public sealed interface ScoringRule
        permits NrsRule, OdiRule, RmdqRule, PegRule, StartBackRule, PromisTScoreTableRule, PgicRule, IssRule, VasRule {

    /** Stable identifier of the policy, including any deployment limit it depends on. */
    String policyId();

    /** Human-readable statement of the formula and the missing-item policy. */
    String policyDescription();

    /** How many of the instrument's items may be unanswered for the answers to be scoreable (0 = all required). */
    int maxMissingItems();

    /**
     * Scores answers that the engine has already validated: {@code answers} holds exactly the answered
     * items, each a valid code, and no more than {@link #maxMissingItems()} items are missing.
     */
    RuleScore score(Map<String, Integer> answers);
}
