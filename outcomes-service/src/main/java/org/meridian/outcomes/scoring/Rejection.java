package org.meridian.outcomes.scoring;

import java.util.List;

/** The submission cannot be scored: every invalid item, and the missing items when the policy is not met. */
public record Rejection(String instrumentCode, String instrumentVersion, String policyId, List<ItemProblem> problems)
        implements ScoringOutcome {

    public Rejection {
        problems = List.copyOf(problems);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection names at least one item problem");
        }
    }
}
