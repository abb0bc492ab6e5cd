package org.meridian.outcomes.scoring.rule;

import java.util.Collection;
import java.util.Map;

final class Answers {

    private Answers() {}

    static int sum(Map<String, Integer> answers) {
        return sum(answers.values());
    }

    static int sum(Collection<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }

    static int sumOf(Map<String, Integer> answers, Collection<String> itemCodes) {
        return itemCodes.stream().mapToInt(code -> valueOf(answers, code)).sum();
    }

    static int valueOf(Map<String, Integer> answers, String itemCode) {
        Integer value = answers.get(itemCode);
        if (value == null) {
            throw new IllegalStateException("item " + itemCode + " is unanswered; the engine should have rejected it");
        }
        return value;
    }

    static int only(Map<String, Integer> answers) {
        if (answers.size() != 1) {
            throw new IllegalStateException("expected exactly one answered item, got " + answers.keySet());
        }
        return answers.values().iterator().next();
    }
}
