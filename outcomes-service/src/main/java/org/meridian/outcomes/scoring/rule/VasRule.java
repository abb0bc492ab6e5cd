package org.meridian.outcomes.scoring.rule;

import java.util.Map;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.VasDetails;

/** VAS pain (docs/scoring.md#vas): the score is the 0..100 mm mark itself. */
public record VasRule() implements ScoringRule {

    @Override
    public String policyId() {
        return "vas-0-100-single-item-required";
    }

    @Override
    public String policyDescription() {
        return "Score = the single 0..100 mm mark, in whole millimetres; the item is required.";
    }

    @Override
    public int maxMissingItems() {
        return 0;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        int millimetres = Answers.only(answers);
        return new RuleScore(Rational.of(millimetres), new VasDetails(millimetres));
    }
}
