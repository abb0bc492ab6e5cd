package org.meridian.outcomes.scoring.rule;

import java.util.Map;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.PegDetails;

/** PEG-3 (docs/scoring.md#peg): score = mean of the three 0..10 items, fraction kept (11/3); all three required. */
public record PegRule() implements ScoringRule {

    @Override
    public String policyId() {
        return "peg-mean-all-items-required";
    }

    @Override
    public String policyDescription() {
        return "Score = mean of the 3 items (0..10, fraction kept); all 3 items are required.";
    }

    @Override
    public int maxMissingItems() {
        return 0;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        int itemSum = Answers.sum(answers);
        Rational mean = Rational.of(itemSum, answers.size());
        return new RuleScore(mean, new PegDetails(itemSum, mean.toBigDecimal()));
    }
}
