package org.meridian.outcomes.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ItemDefinition;
import org.meridian.outcomes.scoring.rule.RuleScore;
import org.meridian.outcomes.scoring.rule.ScoringRule;

/**
 * Validates a submission's answers against an instrument version and scores them under its policy.
 * Stateless and thread-safe.
 */
public final class ScoringEngine {

    /**
     * Scores a final submission: any invalid or unknown item, or more missing items than the policy allows,
     * gives a {@link Rejection} naming them all; otherwise a {@link Score}.
     *
     * @param answers item code to answer as decoded from JSON (Integer, Long, BigDecimal, String, Boolean, null...)
     */
    public ScoringOutcome score(InstrumentDefinition instrument, Map<String, ?> answers) {
        return evaluate(instrument, answers, false);
    }

    /**
     * Checks a draft the client explicitly saves as incomplete: invalid or unknown items still give a
     * {@link Rejection}, but missing items give an unscored {@link IncompleteDraft} instead; a draft that
     * already meets the policy is scored.
     */
    public ScoringOutcome scoreDraft(InstrumentDefinition instrument, Map<String, ?> answers) {
        return evaluate(instrument, answers, true);
    }

    private ScoringOutcome evaluate(InstrumentDefinition instrument, Map<String, ?> answers, boolean draft) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(answers, "answers");
        ScoringRule rule = instrument.scoringRule();
        Map<String, Integer> valid = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<ItemProblem> invalid = new ArrayList<>();

        for (ItemDefinition item : instrument.items()) {
            switch (AnswerReader.read(answers.get(item.code()), item)) {
                case AnswerReader.Missing ignored -> missing.add(item.code());
                case AnswerReader.Valid answer -> valid.put(item.code(), answer.code());
                case AnswerReader.Invalid answer ->
                    invalid.add(new ItemProblem(item.code(), answer.reason(), answer.message()));
            }
        }
        answers.keySet().stream()
                .filter(code -> code == null || instrument.item(code).isEmpty())
                .map(String::valueOf)
                .sorted()
                .forEach(code -> invalid.add(new ItemProblem(
                        code, ItemProblem.Reason.UNKNOWN_ITEM, "is not an item of " + instrument.label())));

        boolean policyMet = missing.size() <= rule.maxMissingItems();
        if (!invalid.isEmpty() || (!policyMet && !draft)) {
            List<ItemProblem> problems = new ArrayList<>(invalid);
            if (!policyMet && !draft) {
                problems.addAll(missingProblems(instrument, missing));
            }
            return new Rejection(instrument.code(), instrument.version(), rule.policyId(), problems);
        }
        if (!policyMet) {
            return new IncompleteDraft(
                    instrument.code(), instrument.version(), rule.policyId(), List.copyOf(valid.keySet()), missing);
        }
        RuleScore result = rule.score(valid);
        return new Score(
                instrument.code(),
                instrument.version(),
                rule.policyId(),
                result.value(),
                result.details(),
                List.copyOf(valid.keySet()),
                missing);
    }

    private static List<ItemProblem> missingProblems(InstrumentDefinition instrument, List<String> missing) {
        int itemCount = instrument.items().size();
        int needed = itemCount - instrument.scoringRule().maxMissingItems();
        String message = needed == itemCount
                ? "is unanswered; " + instrument.label() + " needs all " + itemCount + " items answered"
                : "is unanswered; " + instrument.label() + " needs at least " + needed + " of " + itemCount
                        + " items answered";
        return missing.stream()
                .map(code -> new ItemProblem(code, ItemProblem.Reason.MISSING, message))
                .toList();
    }
}
