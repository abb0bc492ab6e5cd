package org.meridian.outcomes.scoring.instrument;

import java.util.List;
import org.meridian.outcomes.scoring.rule.PegRule;

/** PEG-3 (Krebs 2009) (docs/scoring.md#peg): public wording, three 0..10 items, score = mean. */
final class PegInstrument {

    static final String VERSION = "1.0";
    static final String LICENCE = "PEG (Krebs EE et al., J Gen Intern Med 2009;24:733-738): freely usable wording.";

    private PegInstrument() {}

    static InstrumentDefinition create() {
        List<ItemDefinition> items = List.of(
                new ItemDefinition(
                        "peg_pain",
                        "What number best describes your pain on average in the past week?",
                        ResponseScales.numeric(0, 10, "No pain", "Pain as bad as you can imagine"),
                        "75893-8"),
                new ItemDefinition(
                        "peg_enjoyment",
                        "What number best describes how, during the past week, pain has interfered with your"
                                + " enjoyment of life?",
                        interference(),
                        "91145-3"),
                new ItemDefinition(
                        "peg_general_activity",
                        "What number best describes how, during the past week, pain has interfered with your"
                                + " general activity?",
                        interference(),
                        "91146-1"));
        // docs/scoring.md#peg: PEG has no established absolute MCID; the 30 % relative rule applies.
        return new InstrumentDefinition(
                InstrumentCodes.PEG,
                VERSION,
                "PEG-3 pain intensity and interference",
                items,
                List.of(RecallPeriod.PAST_WEEK),
                ScoreDirection.HIGHER_IS_WORSE,
                LICENCE,
                List.of(new LoincCode("91148-7", "PEG panel"), new LoincCode("91147-9", "PEG mean score")),
                new PegRule(),
                ChangeRules.Mcid.relativeOnly());
    }

    private static List<ResponseOption> interference() {
        return ResponseScales.numeric(0, 10, "Does not interfere", "Completely interferes");
    }
}
