package org.meridian.outcomes.scoring.instrument;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.meridian.outcomes.scoring.rule.ScoringRule;

/**
 * One version of a questionnaire: what to ask, which answers are valid, how to score and how to judge change.
 * Stored scores reference {@code code} + {@code version} + the rule's policy id.
 *
 * @param recallPeriods the allowed recall periods, default first; when there are several the assessment records
 *        which one was used (docs/scoring.md#nrs NRS)
 */
public record InstrumentDefinition(
        String code,
        String version,
        String title,
        List<ItemDefinition> items,
        List<RecallPeriod> recallPeriods,
        ScoreDirection direction,
        String licenceNotice,
        List<LoincCode> loincCodes,
        ScoringRule scoringRule,
        ChangeRules changeRules) {

    public InstrumentDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(licenceNotice, "licenceNotice");
        Objects.requireNonNull(scoringRule, "scoringRule");
        Objects.requireNonNull(changeRules, "changeRules");
        items = List.copyOf(items);
        recallPeriods = List.copyOf(recallPeriods);
        loincCodes = List.copyOf(loincCodes);
        if (items.isEmpty() || recallPeriods.isEmpty()) {
            throw new IllegalArgumentException(code + " needs at least one item and one recall period");
        }
        if (items.stream()
                        .map(ItemDefinition::code)
                        .collect(Collectors.toCollection(HashSet::new))
                        .size()
                != items.size()) {
            throw new IllegalArgumentException(code + " has duplicate item codes");
        }
        if (scoringRule.maxMissingItems() >= items.size()) {
            throw new IllegalArgumentException(code + " would score with no item answered");
        }
        List<String> broken = InstrumentLimits.brokenBy(
                code, version, title, licenceNotice, scoringRule, changeRules, items, loincCodes);
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException(code + " breaks the instrument limits: " + String.join("; ", broken));
        }
    }

    public Optional<ItemDefinition> item(String itemCode) {
        return items.stream().filter(item -> item.code().equals(itemCode)).findFirst();
    }

    public List<String> itemCodes() {
        return items.stream().map(ItemDefinition::code).toList();
    }

    public boolean isChangeMeasure() {
        return changeRules instanceof ChangeRules.Mcid;
    }

    /** "ODI 2.1a": how people refer to this version in messages. */
    public String label() {
        return code + " " + version;
    }
}
