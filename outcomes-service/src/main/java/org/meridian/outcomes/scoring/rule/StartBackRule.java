package org.meridian.outcomes.scoring.rule;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.StartBackDetails;
import org.meridian.outcomes.scoring.result.StartBackRisk;

/**
 * STarT Back (docs/scoring.md#start-back): total = agree items + dichotomised bothersomeness; psychosocial subscale =
 * items
 * 5-8 + dichotomised bothersomeness; all 9 items required.
 *
 * @param agreeItems the eight agree (1) / disagree (0) items
 * @param psychosocialAgreeItems the agree items that belong to the psychosocial subscale
 * @param bothersomenessItem the 0..4 item, positive only when 3 (very much) or 4 (extremely)
 */
public record StartBackRule(List<String> agreeItems, Set<String> psychosocialAgreeItems, String bothersomenessItem)
        implements ScoringRule {

    private static final int BOTHERSOMENESS_POSITIVE_FROM = 3;

    public StartBackRule {
        agreeItems = List.copyOf(agreeItems);
        psychosocialAgreeItems = Set.copyOf(psychosocialAgreeItems);
        if (!agreeItems.containsAll(psychosocialAgreeItems)) {
            throw new IllegalArgumentException("psychosocial items must be agree items");
        }
    }

    @Override
    public String policyId() {
        return "startback-keele-all-items-required";
    }

    @Override
    public String policyDescription() {
        return "Total = positive items 1-9 (item 9 positive when 'very much' or 'extremely'); psychosocial subscale ="
                + " items 5-8 + dichotomised item 9; risk: total <= 3 LOW, else subscale >= 4 HIGH, else MEDIUM;"
                + " all 9 items are required.";
    }

    @Override
    public int maxMissingItems() {
        return 0;
    }

    @Override
    public RuleScore score(Map<String, Integer> answers) {
        int bothersome = Answers.valueOf(answers, bothersomenessItem) >= BOTHERSOMENESS_POSITIVE_FROM ? 1 : 0;
        int total = Answers.sumOf(answers, agreeItems) + bothersome;
        int psychosocial = Answers.sumOf(answers, psychosocialAgreeItems) + bothersome;
        return new RuleScore(
                Rational.of(total), new StartBackDetails(total, psychosocial, StartBackRisk.of(total, psychosocial)));
    }
}
