package org.meridian.outcomes.scoring.instrument;

import java.util.List;
import org.meridian.outcomes.scoring.rule.NrsRule;

/** NRS pain intensity 0-10 (docs/scoring.md#nrs): back and leg pain are separate instruments, never averaged. */
final class NrsInstruments {

    static final String VERSION = "1.0";
    static final String BACK_PAIN_ITEM = "back_pain_nrs";
    static final String LEG_PAIN_ITEM = "leg_pain_nrs";

    // docs/scoring.md#nrs: past week for research timepoints, "right now" before/after a session; the assessment
    // records which.
    private static final List<RecallPeriod> RECALL = List.of(RecallPeriod.PAST_WEEK, RecallPeriod.RIGHT_NOW);
    private static final List<LoincCode> LOINC = List.of(
            new LoincCode("72514-3", "Pain severity 0-10 numeric rating"),
            new LoincCode("75893-8", "Pain severity 0-10 numeric rating, past-week average"));
    private static final String LICENCE = "Public domain.";

    private NrsInstruments() {}

    static InstrumentDefinition backPain() {
        return nrs(
                InstrumentCodes.NRS_BACK_PAIN,
                "Back pain intensity (NRS 0-10)",
                BACK_PAIN_ITEM,
                "Please rate your back pain from 0 (no pain) to 10 (worst imaginable pain).");
    }

    static InstrumentDefinition legPain() {
        return nrs(
                InstrumentCodes.NRS_LEG_PAIN,
                "Leg pain intensity (NRS 0-10)",
                LEG_PAIN_ITEM,
                "Please rate your leg pain (sciatica) from 0 (no pain) to 10 (worst imaginable pain).");
    }

    private static InstrumentDefinition nrs(String code, String title, String itemCode, String itemText) {
        return new InstrumentDefinition(
                code,
                VERSION,
                title,
                List.of(new ItemDefinition(itemCode, itemText, ResponseScales.zeroToTenPain())),
                RECALL,
                ScoreDirection.HIGHER_IS_WORSE,
                LICENCE,
                LOINC,
                new NrsRule(),
                ChangeRules.Mcid.of("2", true));
    }
}
