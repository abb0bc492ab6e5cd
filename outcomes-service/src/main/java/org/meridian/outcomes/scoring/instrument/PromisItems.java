package org.meridian.outcomes.scoring.instrument;

import java.util.List;

/** PROMIS item banks' items used by the PROMIS short form and the NIH ISS; stems are usable with attribution. */
final class PromisItems {

    static final String ATTRIBUTION = "PROMIS items (c) PROMIS Health Organization (PHO); used with attribution under"
            + " the HealthMeasures terms of use; item wording must not be modified.";

    private PromisItems() {}

    /** Pain interference, "In the past 7 days", item LOINC codes from docs/scoring.md#promis-pain-interference-4a. */
    static List<ItemDefinition> painInterference() {
        return List.of(
                painInterference("PAININ9", "How much did pain interfere with your day to day activities?", "61758-9"),
                painInterference("PAININ22", "How much did pain interfere with work around the home?", "61769-6"),
                painInterference(
                        "PAININ31",
                        "How much did pain interfere with your ability to participate in social activities?",
                        "61773-8"),
                painInterference("PAININ34", "How much did pain interfere with your household chores?", "61775-3"));
    }

    /** Physical function items of the NIH ISS (no LOINC code given in docs/scoring.md#promis-pain-interference-4a). */
    static List<ItemDefinition> physicalFunction() {
        return List.of(
                physicalFunction("PFA11", "Are you able to do chores such as vacuuming or yard work?"),
                physicalFunction("PFA21", "Are you able to go up and down stairs at a normal pace?"),
                physicalFunction("PFA23", "Are you able to go for a walk of at least 15 minutes?"),
                physicalFunction("PFA53", "Are you able to run errands and shop?"));
    }

    private static ItemDefinition painInterference(String code, String stem, String loinc) {
        return new ItemDefinition(code, stem, ResponseScales.promisInterference(), loinc);
    }

    private static ItemDefinition physicalFunction(String code, String stem) {
        return new ItemDefinition(code, stem, ResponseScales.promisPhysicalFunction());
    }
}
