package org.meridian.outcomes.scoring;

import java.util.List;

/**
 * Draft mode only: every answer given is valid, but too many items are missing to score under the policy.
 * The draft is unscored; it may be saved and completed later.
 */
public record IncompleteDraft(
        String instrumentCode,
        String instrumentVersion,
        String policyId,
        List<String> itemsAnswered,
        List<String> itemsMissing)
        implements ScoringOutcome {

    public IncompleteDraft {
        itemsAnswered = List.copyOf(itemsAnswered);
        itemsMissing = List.copyOf(itemsMissing);
    }
}
