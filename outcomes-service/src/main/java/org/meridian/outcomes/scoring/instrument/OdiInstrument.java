package org.meridian.outcomes.scoring.instrument;

import java.util.List;
import org.meridian.outcomes.scoring.rule.OdiRule;

/**
 * Oswestry Disability Index v2.1a. The item text is copyrighted, so only section names ship; (docs/scoring.md#odi)
 * a licensed deployment can load the text.
 */
final class OdiInstrument {

    static final String VERSION = "2.1a";
    static final String LICENCE = "Oswestry Disability Index v2.1a: the questionnaire text is copyrighted and"
            + " licensed by Mapi Research Trust (ePROVIDE), which is required for commercial and electronic (IT) use."
            + " Meridian ships item codes and section names only; a licensed deployment may load the item text.";

    private OdiInstrument() {}

    static InstrumentDefinition create(int maxMissingSections) {
        List<ItemDefinition> sections = List.of(
                section("odi_01_pain_intensity", "Pain intensity"),
                section("odi_02_personal_care", "Personal care"),
                section("odi_03_lifting", "Lifting"),
                section("odi_04_walking", "Walking"),
                section("odi_05_sitting", "Sitting"),
                section("odi_06_standing", "Standing"),
                section("odi_07_sleeping", "Sleeping"),
                section("odi_08_sex_life", "Sex life (if applicable)"),
                section("odi_09_social_life", "Social life"),
                section("odi_10_travelling", "Travelling"));
        // ODI statements describe the current state; the questionnaire sets no fixed recall period.
        return new InstrumentDefinition(
                InstrumentCodes.ODI,
                VERSION,
                "Oswestry Disability Index v2.1a",
                sections,
                List.of(RecallPeriod.RIGHT_NOW),
                ScoreDirection.HIGHER_IS_WORSE,
                LICENCE,
                List.of(),
                new OdiRule(maxMissingSections),
                ChangeRules.Mcid.of("10", true));
    }

    private static ItemDefinition section(String code, String sectionName) {
        return new ItemDefinition(
                code, sectionName, ResponseScales.numeric(0, 5, "0 (least disability)", "5 (most disability)"));
    }
}
