package org.meridian.outcomes.scoring.rule;

import java.util.Map;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.OdiBand;
import org.meridian.outcomes.scoring.result.OdiDetails;

/**
 * ODI (docs/scoring.md#odi): percent = sum / (5 x answered sections) x 100, "not applicable" counting as missing;
 * Meridian's policy scores with at most one missing section, configurable per deployment.
 */
public record OdiRule(int maxMissingSections) implements ScoringRule {

    public static final int SECTIONS = 10;
    public static final int DEFAULT_MAX_MISSING_SECTIONS = 1;
    private static final int MAX_SECTION_SCORE = 5;

    public OdiRule {
        if (maxMissingSections < 0 || maxMissingSections >= SECTIONS) {
            throw new IllegalArgumentException(
                    "ODI max missing sections must be 0.." + (SECTIONS - 1) + ", was " + maxMissingSections);
        }
    }

    @Override
    public String policyId() {
        return "odi-percent-of-answered-max-missing-" + maxMissingSections;
    }

    @Override
    public String policyDescription() {
        return "ODI % = sum / (5 x answered sections) x 100; scored when at least " + (SECTIONS - maxMissingSections)
                + " of " + SECTIONS + " sections are answered ('not applicable' counts as missing).";
    }

    @Override
    public int maxMissingItems() {
        return maxMissingSections;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        int rawSum = Answers.sum(answers);
        int maximumPossible = MAX_SECTION_SCORE * answers.size();
        Rational percent = Rational.of(rawSum, maximumPossible).multiply(Rational.ONE_HUNDRED);
        return new RuleScore(
                percent,
                new OdiDetails(
                        rawSum, answers.size(), maximumPossible, percent.toBigDecimal(), OdiBand.forPercent(percent)));
    }
}
