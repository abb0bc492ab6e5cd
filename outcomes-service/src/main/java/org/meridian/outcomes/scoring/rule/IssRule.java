package org.meridian.outcomes.scoring.rule;

import java.util.Map;
import java.util.Set;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.IssDetails;
import org.meridian.outcomes.scoring.result.IssGroup;

/**
 * NIH Impact Stratification Score (docs/scoring.md#nih-iss): physical function items reverse-scored (6 - x) + pain
 * interference items + average pain intensity 0..10 (8..50); all items required.
 */
public record IssRule(Set<String> physicalFunctionItems, Set<String> painInterferenceItems, String painIntensityItem)
        implements ScoringRule {

    private static final int REVERSE_SCORING_BASE = 6;

    public IssRule {
        physicalFunctionItems = Set.copyOf(physicalFunctionItems);
        painInterferenceItems = Set.copyOf(painInterferenceItems);
    }

    @Override
    public String policyId() {
        return "nih-iss-reversed-pf-plus-pi-plus-intensity-all-items-required";
    }

    @Override
    public String policyDescription() {
        return "ISS = sum of (6 - x) over PROMIS physical function items PFA11, PFA21, PFA23, PFA53 + pain"
                + " interference items PAININ9, 22, 31, 34 + average pain intensity 0..10 (range 8..50); all 9 items"
                + " are required; groups 8-27 MILD, 28-34 MODERATE, 35-50 SEVERE (provisional).";
    }

    @Override
    public int maxMissingItems() {
        return 0;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        int physicalFunctionReversed = physicalFunctionItems.stream()
                .mapToInt(code -> REVERSE_SCORING_BASE - Answers.valueOf(answers, code))
                .sum();
        int painInterference = Answers.sumOf(answers, painInterferenceItems);
        int painIntensity = Answers.valueOf(answers, painIntensityItem);
        int total = physicalFunctionReversed + painInterference + painIntensity;
        return new RuleScore(
                Rational.of(total),
                new IssDetails(
                        total, physicalFunctionReversed, painInterference, painIntensity, IssGroup.forTotal(total)));
    }
}
