package org.meridian.outcomes.scoring.instrument;

import java.util.ArrayList;
import java.util.List;
import org.meridian.outcomes.scoring.rule.ScoringRule;

/**
 * The sizes every instrument definition keeps to. The OpenAPI document declares them as the bounds of the instrument,
 * assessment, progress and research schemas (and of the answers a submission may send), so an instrument that broke
 * one would make the document lie: {@link InstrumentDefinition} refuses it when the catalogue is built, failing the
 * service's start and its tests instead.
 */
public final class InstrumentLimits {

    /**
     * Instrument versions in the catalogue: the measures of a progress report, the series of a trajectory and the
     * evidence of a visit-12 check list at most one per version.
     */
    public static final int INSTRUMENTS = 50;

    /** Instrument codes: also the width of the stored {@code instrument_code}. */
    public static final int CODE = 32;
    /** Versions: also the width of the stored {@code instrument_version}. */
    public static final int VERSION = 16;

    public static final int TITLE = 200;
    public static final int LICENCE_NOTICE = 1000;
    /** Items of the largest instrument: the answers of a submission and the items missing from a score. */
    public static final int ITEMS = 50;

    public static final int ITEM_CODE = 64;
    public static final int ITEM_TEXT = 500;
    /** Response options of an item: 101 lets a 0-100 visual analogue scale list every point. */
    public static final int OPTIONS = 101;

    public static final int OPTION_LABEL = 200;
    public static final int ANSWER_MIN = 0;
    public static final int ANSWER_MAX = 100;
    /** A LOINC code: up to 7 digits, a dash and a check digit, with room for an LP part prefix. */
    public static final int LOINC_CODE = 12;

    public static final int LOINC_MEANING = 200;
    public static final int LOINC_CODES = 10;
    /** Scoring policy ids: also the width of the stored {@code policy_id}. */
    public static final int POLICY_ID = 100;

    public static final int POLICY_DESCRIPTION = 1000;
    public static final int CHANGE_NOTE = 1000;

    private InstrumentLimits() {}

    /** Every limit the definition breaks, in words; empty when it keeps to all of them. */
    static List<String> brokenBy(
            String code,
            String version,
            String title,
            String licenceNotice,
            ScoringRule scoringRule,
            ChangeRules changeRules,
            List<ItemDefinition> items,
            List<LoincCode> loincCodes) {
        List<String> broken = new ArrayList<>();
        longer(broken, "code", code, CODE);
        longer(broken, "version", version, VERSION);
        longer(broken, "title", title, TITLE);
        longer(broken, "licenceNotice", licenceNotice, LICENCE_NOTICE);
        longer(broken, "policyId", scoringRule.policyId(), POLICY_ID);
        longer(broken, "policyDescription", scoringRule.policyDescription(), POLICY_DESCRIPTION);
        if (changeRules instanceof ChangeRules.NotAChangeMeasure not) {
            longer(broken, "change note", not.reason(), CHANGE_NOTE);
        }
        more(broken, "items", items.size(), ITEMS);
        more(broken, "LOINC codes", loincCodes.size(), LOINC_CODES);
        for (LoincCode loinc : loincCodes) {
            longer(broken, "LOINC code", loinc.code(), LOINC_CODE);
            longer(broken, "LOINC meaning", loinc.meaning(), LOINC_MEANING);
        }
        for (ItemDefinition item : items) {
            longer(broken, "item code", item.code(), ITEM_CODE);
            longer(broken, "item text of " + item.code(), item.text(), ITEM_TEXT);
            item.loincCode()
                    .ifPresent(itemLoinc -> longer(broken, "LOINC code of " + item.code(), itemLoinc, LOINC_CODE));
            more(broken, "options of " + item.code(), item.responseOptions().size(), OPTIONS);
            for (ResponseOption option : item.responseOptions()) {
                longer(broken, "option label of " + item.code(), option.label(), OPTION_LABEL);
                if (option.value() < ANSWER_MIN || option.value() > ANSWER_MAX) {
                    broken.add("answer code " + option.value() + " of " + item.code() + " is outside " + ANSWER_MIN
                            + ".." + ANSWER_MAX);
                }
            }
        }
        return broken;
    }

    private static void longer(List<String> broken, String what, String text, int max) {
        if (text != null && text.length() > max) {
            broken.add(what + " is longer than " + max + " characters");
        }
    }

    private static void more(List<String> broken, String what, int count, int max) {
        if (count > max) {
            broken.add("more than " + max + " " + what);
        }
    }
}
