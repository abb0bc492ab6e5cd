package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.meridian.outcomes.scoring.instrument.InstrumentCatalogue;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

/** Shared helpers for the scoring tests: the standard catalogue and answer maps that may hold nulls. */
public final class ScoringFixtures {

    public static final InstrumentCatalogue CATALOGUE = InstrumentCatalogue.standard();
    public static final ScoringEngine ENGINE = new ScoringEngine();

    private ScoringFixtures() {}

    public static InstrumentDefinition instrument(String code) {
        return CATALOGUE.findCurrent(code).orElseThrow();
    }

    /** answers("a", 1, "b", null): keys and values alternating; null values are kept. */
    public static Map<String, Object> answers(Object... codesAndValues) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int index = 0; index < codesAndValues.length; index += 2) {
            answers.put((String) codesAndValues[index], codesAndValues[index + 1]);
        }
        return answers;
    }

    /** Every item of the instrument answered with the same value. */
    public static Map<String, Object> allAnswered(InstrumentDefinition instrument, Object value) {
        Map<String, Object> answers = new LinkedHashMap<>();
        instrument.itemCodes().forEach(code -> answers.put(code, value));
        return answers;
    }

    public static Score scored(ScoringOutcome outcome) {
        assertThat(outcome).isInstanceOf(Score.class);
        return (Score) outcome;
    }

    public static Rejection rejected(ScoringOutcome outcome) {
        assertThat(outcome).isInstanceOf(Rejection.class);
        return (Rejection) outcome;
    }

    public static Score score(String instrumentCode, Map<String, ?> answers) {
        return scored(ENGINE.score(instrument(instrumentCode), answers));
    }
}
