package org.meridian.outcomes.scoring.rule;

import java.util.Map;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.RmdqDetails;

/** RMDQ-24 (docs/scoring.md#rmdq): score = number of "yes" (1) answers; every item is required. */
public record RmdqRule() implements ScoringRule {

    @Override
    public String policyId() {
        return "rmdq-count-yes-all-items-required";
    }

    @Override
    public String policyDescription() {
        return "Score = number of statements answered yes (0..24); any unanswered statement makes it not scoreable.";
    }

    @Override
    public int maxMissingItems() {
        return 0;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        int total = Answers.sum(answers);
        return new RuleScore(Rational.of(total), new RmdqDetails(total));
    }
}
