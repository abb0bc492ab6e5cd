package org.meridian.outcomes.scoring.rule;

import java.util.Map;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.NrsDetails;

/** NRS (docs/scoring.md#nrs): the score is the single 0..10 answer. */
public record NrsRule() implements ScoringRule {

    @Override
    public String policyId() {
        return "nrs-single-item-required";
    }

    @Override
    public String policyDescription() {
        return "Score = the single 0..10 rating; the item is required.";
    }

    @Override
    public int maxMissingItems() {
        return 0;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        int rating = Answers.only(answers);
        return new RuleScore(Rational.of(rating), new NrsDetails(rating));
    }
}
