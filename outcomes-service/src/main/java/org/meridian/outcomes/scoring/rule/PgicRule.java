package org.meridian.outcomes.scoring.rule;

import java.util.Map;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.PgicCategory;
import org.meridian.outcomes.scoring.result.PgicDetails;

/**
 * PGIC (CGI-derived) (docs/scoring.md#pgic): the score is the 1..7 code; codes 1-2 are clinically important
 * improvement.
 */
public record PgicRule() implements ScoringRule {

    @Override
    public String policyId() {
        return "pgic-cgi-single-item-required";
    }

    @Override
    public String policyDescription() {
        return "Score = the 1..7 code (1 very much improved .. 7 very much worse); codes 1-2 count as improved"
                + " (Farrar 2001); the item is required.";
    }

    @Override
    public int maxMissingItems() {
        return 0;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        PgicCategory category = PgicCategory.forCode(Answers.only(answers));
        return new RuleScore(
                Rational.of(category.code()),
                new PgicDetails(category.code(), category, category.isClinicallyImportantImprovement()));
    }
}
