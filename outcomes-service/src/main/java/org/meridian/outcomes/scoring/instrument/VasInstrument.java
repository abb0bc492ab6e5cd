package org.meridian.outcomes.scoring.instrument;

import java.util.List;
import org.meridian.outcomes.scoring.rule.VasRule;

/**
 * Visual analogue scale for pain, 0-100 mm (docs/scoring.md#vas): a measure of its own, never converted to or from
 * the 0-10 NRS.
 */
final class VasInstrument {

    static final String VERSION = "1.0";
    static final String ITEM = "pain_vas_0_100";

    // docs/scoring.md#vas: recorded like the NRS, past week at research timepoints, "right now" around a session.
    private static final List<RecallPeriod> RECALL = List.of(RecallPeriod.PAST_WEEK, RecallPeriod.RIGHT_NOW);
    private static final String LICENCE = "Public domain.";

    private VasInstrument() {}

    static InstrumentDefinition create() {
        // No LOINC code with a 0-100 answer scale has been verified, so the score carries Meridian's own code only
        // (the NRS's 0-10 LOINC codes would misstate the scale).
        return new InstrumentDefinition(
                InstrumentCodes.VAS_PAIN,
                VERSION,
                "Pain intensity (VAS 0-100 mm)",
                List.of(new ItemDefinition(
                        ITEM,
                        "Please mark on the 100 mm line how much pain you have, from 0 (no pain) to 100 (worst"
                                + " imaginable pain).",
                        ResponseScales.numeric(0, 100, "No pain", "Worst imaginable pain"))),
                RECALL,
                ScoreDirection.HIGHER_IS_WORSE,
                LICENCE,
                List.of(),
                new VasRule(),
                ChangeRules.Mcid.of("15", true));
    }
}
