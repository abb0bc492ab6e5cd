package org.meridian.outcomes.scoring.instrument;

import java.util.List;
import java.util.stream.IntStream;
import org.meridian.outcomes.scoring.rule.RmdqRule;

/**
 * Roland-Morris Disability Questionnaire, 24 yes/no statements; statement wording is not shipped
 * (docs/scoring.md#rmdq).
 */
final class RmdqInstrument {

    static final String VERSION = "1.0";
    static final int STATEMENTS = 24;
    static final String LICENCE = "Roland-Morris Disability Questionnaire (Roland & Morris 1983): the statement"
            + " wording is copyrighted; Meridian ships statement numbers only. Load the licensed wording before"
            + " display.";

    private RmdqInstrument() {}

    static InstrumentDefinition create() {
        List<ItemDefinition> statements = IntStream.rangeClosed(1, STATEMENTS)
                .mapToObj(number -> new ItemDefinition(
                        "rmdq_%02d".formatted(number), "Statement " + number, ResponseScales.noYes()))
                .toList();
        return new InstrumentDefinition(
                InstrumentCodes.RMDQ,
                VERSION,
                "Roland-Morris Disability Questionnaire (RMDQ-24)",
                statements,
                List.of(RecallPeriod.TODAY),
                ScoreDirection.HIGHER_IS_WORSE,
                LICENCE,
                List.of(),
                new RmdqRule(),
                ChangeRules.Mcid.of("5", true));
    }
}
