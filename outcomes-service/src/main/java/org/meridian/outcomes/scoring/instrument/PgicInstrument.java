package org.meridian.outcomes.scoring.instrument;

import java.util.List;
import org.meridian.outcomes.scoring.rule.PgicRule;

/**
 * PGIC, 7-point CGI-derived version (1 very much improved .. 7 very much worse). The Hurst &amp; (docs/scoring.md#pgic)
 * Bolton PGIC runs the other way and would be a different version.
 */
final class PgicInstrument {

    static final String VERSION = "1.0";
    static final String ITEM = "pgic";
    static final String LICENCE = "Public-domain wording derived from the Clinical Global Impression of"
            + " Improvement scale (Guy 1976); responder definition codes 1-2 (Farrar 2001).";

    private PgicInstrument() {}

    static InstrumentDefinition create() {
        ItemDefinition item = new ItemDefinition(
                ITEM,
                "Since the start of treatment, my overall status is:",
                ResponseScales.labelled(
                        1,
                        "Very much improved",
                        "Much improved",
                        "Minimally improved",
                        "No change",
                        "Minimally worse",
                        "Much worse",
                        "Very much worse"));
        return new InstrumentDefinition(
                InstrumentCodes.PGIC,
                VERSION,
                "Patient Global Impression of Change (7-point, CGI-derived)",
                List.of(item),
                List.of(RecallPeriod.SINCE_START_OF_TREATMENT),
                ScoreDirection.HIGHER_IS_WORSE,
                LICENCE,
                List.of(),
                new PgicRule(),
                new ChangeRules.NotAChangeMeasure("PGIC is itself a rating of change: codes 1-2 count as responders"
                        + " (see the score's 'improved' flag); there is no change from baseline to compute."));
    }
}
