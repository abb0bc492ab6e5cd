package org.meridian.outcomes.scoring.rule;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.PromisDetails;
import org.meridian.outcomes.scoring.result.PromisSeverity;

/**
 * PROMIS short form scoring: raw = sum of items, T-score and SE looked up in the form's conversion table.
 * docs/scoring.md#promis-pain-interference-4a (current HealthMeasures guidance): every item is required for the table
 * lookup.
 */
public record PromisTScoreTableRule(String policyId, List<TScoreConversion> table) implements ScoringRule {

    public PromisTScoreTableRule {
        table = List.copyOf(table);
        if (table.stream().map(TScoreConversion::rawScore).distinct().count() != table.size()) {
            throw new IllegalArgumentException("conversion table has duplicate raw scores");
        }
    }

    @Override
    public String policyDescription() {
        return "Raw = sum of the items; T-score and standard error from the HealthMeasures raw-to-T conversion"
                + " table; all items are required for the lookup.";
    }

    @Override
    public int maxMissingItems() {
        return 0;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        int raw = Answers.sum(answers);
        TScoreConversion row = byRawScore().get(raw);
        if (row == null) {
            throw new IllegalStateException("no T-score for raw score " + raw + " in " + policyId);
        }
        return new RuleScore(
                Rational.of(row.tScore()),
                new PromisDetails(raw, row.tScore(), row.standardError(), PromisSeverity.forTScore(row.tScore())));
    }

    private Map<Integer, TScoreConversion> byRawScore() {
        return table.stream().collect(Collectors.toMap(TScoreConversion::rawScore, Function.identity()));
    }
}
