package org.meridian.outcomes.scoring.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InstrumentCatalogueTest {

    private final InstrumentCatalogue catalogue = InstrumentCatalogue.standard();

    @Test
    void listsEveryInstrumentWithItsVersion() {
        assertThat(catalogue.all())
                .extracting(InstrumentDefinition::code, InstrumentDefinition::version)
                .containsExactly(
                        tuple("NRS_BACK_PAIN", "1.0"),
                        tuple("NRS_LEG_PAIN", "1.0"),
                        tuple("ODI", "2.1a"),
                        tuple("RMDQ", "1.0"),
                        tuple("PEG", "1.0"),
                        tuple("STARTBACK", "1.0"),
                        tuple("PROMIS_PI_4A", "1.0"),
                        tuple("PGIC", "1.0"),
                        tuple("NIH_ISS", "1.0"),
                        tuple("VAS_PAIN", "1.0"));
    }

    @Test
    void findsAnInstrumentByCodeAndVersionOnly() {
        assertThat(catalogue.find("ODI", "2.1a"))
                .map(InstrumentDefinition::title)
                .contains("Oswestry Disability Index v2.1a");
        assertThat(catalogue.find("ODI", "2.0")).isEmpty();
        assertThat(catalogue.find("SF36", "1.0")).isEmpty();
        assertThat(catalogue.findCurrent("RMDQ"))
                .map(InstrumentDefinition::version)
                .contains("1.0");
    }

    @Test
    void refusesTwoDefinitionsWithTheSameCodeAndVersion() {
        InstrumentDefinition odi = catalogue.find("ODI", "2.1a").orElseThrow();

        assertThatThrownBy(() -> new InstrumentCatalogue(List.of(odi, odi)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ODI 2.1a");
    }

    /** The OpenAPI document declares these limits as bounds, so a definition that breaks one never gets served. */
    @Test
    void refusesADefinitionBeyondTheDeclaredLimits() {
        InstrumentDefinition odi =
                InstrumentCatalogue.standard().find("ODI", "2.1a").orElseThrow();
        ItemDefinition tooWide = new ItemDefinition(
                "vas_" + "x".repeat(InstrumentLimits.ITEM_CODE),
                "Pain",
                List.of(new ResponseOption(InstrumentLimits.ANSWER_MAX + 1, "worst")));
        List<ItemDefinition> items = new java.util.ArrayList<>(odi.items());
        items.add(tooWide);

        assertThatThrownBy(() -> new InstrumentDefinition(
                        odi.code(),
                        odi.version(),
                        odi.title(),
                        items,
                        odi.recallPeriods(),
                        odi.direction(),
                        odi.licenceNotice(),
                        odi.loincCodes(),
                        odi.scoringRule(),
                        odi.changeRules()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item code is longer than " + InstrumentLimits.ITEM_CODE)
                .hasMessageContaining("answer code " + (InstrumentLimits.ANSWER_MAX + 1));
        assertThat(InstrumentCatalogue.standard().all()).hasSizeLessThanOrEqualTo(InstrumentLimits.INSTRUMENTS);
    }

    @Test
    void usesTheFixedItemCodes() {
        assertThat(codes("NRS_BACK_PAIN")).containsExactly("back_pain_nrs");
        assertThat(codes("NRS_LEG_PAIN")).containsExactly("leg_pain_nrs");
        assertThat(codes("ODI"))
                .containsExactly(
                        "odi_01_pain_intensity",
                        "odi_02_personal_care",
                        "odi_03_lifting",
                        "odi_04_walking",
                        "odi_05_sitting",
                        "odi_06_standing",
                        "odi_07_sleeping",
                        "odi_08_sex_life",
                        "odi_09_social_life",
                        "odi_10_travelling");
        assertThat(codes("RMDQ"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 24)
                        .mapToObj("rmdq_%02d"::formatted)
                        .toList());
        assertThat(codes("PEG")).containsExactly("peg_pain", "peg_enjoyment", "peg_general_activity");
        assertThat(codes("STARTBACK"))
                .containsExactly(
                        "sbt_01",
                        "sbt_02",
                        "sbt_03",
                        "sbt_04",
                        "sbt_05",
                        "sbt_06",
                        "sbt_07",
                        "sbt_08",
                        "sbt_09_bothersomeness");
        assertThat(codes("PROMIS_PI_4A")).containsExactly("PAININ9", "PAININ22", "PAININ31", "PAININ34");
        assertThat(codes("PGIC")).containsExactly("pgic");
        assertThat(codes("NIH_ISS"))
                .containsExactly(
                        "PFA11",
                        "PFA21",
                        "PFA23",
                        "PFA53",
                        "PAININ9",
                        "PAININ22",
                        "PAININ31",
                        "PAININ34",
                        "pain_intensity_0_10");
    }

    @Test
    void offersTheResponseCodesOfEachItem() {
        assertThat(range("NRS_BACK_PAIN", "back_pain_nrs")).containsExactly(0, 10);
        assertThat(range("ODI", "odi_08_sex_life")).containsExactly(0, 5);
        assertThat(range("RMDQ", "rmdq_24")).containsExactly(0, 1);
        assertThat(range("PEG", "peg_enjoyment")).containsExactly(0, 10);
        assertThat(range("STARTBACK", "sbt_01")).containsExactly(0, 1);
        assertThat(range("STARTBACK", "sbt_09_bothersomeness")).containsExactly(0, 4);
        assertThat(range("PROMIS_PI_4A", "PAININ34")).containsExactly(1, 5);
        assertThat(range("PGIC", "pgic")).containsExactly(1, 7);
        assertThat(range("NIH_ISS", "PFA53")).containsExactly(1, 5);
        assertThat(range("NIH_ISS", "pain_intensity_0_10")).containsExactly(0, 10);
    }

    @Test
    void labelsEveryResponseOption() {
        assertThat(catalogue.all())
                .flatExtracting(InstrumentDefinition::items)
                .flatExtracting(ItemDefinition::responseOptions)
                .allSatisfy(option -> assertThat(option.label()).isNotBlank());
        assertThat(item("STARTBACK", "sbt_09_bothersomeness").responseOptions())
                .extracting(ResponseOption::label)
                .containsExactly("Not at all", "Slightly", "Moderately", "Very much", "Extremely");
        assertThat(item("PGIC", "pgic").responseOptions())
                .first()
                .extracting(ResponseOption::label)
                .isEqualTo("Very much improved");
    }

    @Test
    void shipsOnlyOdiSectionNamesAndTheMapiLicenceNotice() {
        InstrumentDefinition odi = catalogue.find("ODI", "2.1a").orElseThrow();

        assertThat(odi.items())
                .extracting(ItemDefinition::text)
                .containsExactly(
                        "Pain intensity",
                        "Personal care",
                        "Lifting",
                        "Walking",
                        "Sitting",
                        "Standing",
                        "Sleeping",
                        "Sex life (if applicable)",
                        "Social life",
                        "Travelling");
        assertThat(odi.licenceNotice()).contains("Mapi Research Trust");
    }

    @Test
    void shipsRmdqStatementNumbersOnly() {
        assertThat(catalogue.findCurrent("RMDQ").orElseThrow().items())
                .extracting(ItemDefinition::text)
                .allMatch(text -> text.matches("Statement \\d{1,2}"))
                .startsWith("Statement 1")
                .endsWith("Statement 24");
    }

    @Test
    void carriesOnlyTheLoincCodesGivenInScoringMd() {
        assertThat(loinc("NRS_BACK_PAIN")).containsExactly("72514-3", "75893-8");
        assertThat(loinc("NRS_LEG_PAIN")).containsExactly("72514-3", "75893-8");
        assertThat(loinc("PEG")).containsExactly("91148-7", "91147-9");
        assertThat(loinc("STARTBACK")).containsExactly("91351-7");
        assertThat(loinc("ODI")).isEmpty();
        assertThat(loinc("RMDQ")).isEmpty();
        assertThat(loinc("PROMIS_PI_4A")).isEmpty();
        assertThat(loinc("PGIC")).isEmpty();
        assertThat(loinc("NIH_ISS")).isEmpty();
        assertThat(catalogue.findCurrent("PEG").orElseThrow().items())
                .extracting(ItemDefinition::loincCode)
                .containsExactly(Optional.of("75893-8"), Optional.of("91145-3"), Optional.of("91146-1"));
        assertThat(catalogue.findCurrent("PROMIS_PI_4A").orElseThrow().items())
                .extracting(ItemDefinition::loincCode)
                .containsExactly(
                        Optional.of("61758-9"), Optional.of("61769-6"), Optional.of("61773-8"), Optional.of("61775-3"));
        assertThat(item("NIH_ISS", "PAININ31").loincCode()).contains("61773-8");
        assertThat(item("NIH_ISS", "PFA11").loincCode()).isEmpty();
        assertThat(item("ODI", "odi_01_pain_intensity").loincCode()).isEmpty();
    }

    @Test
    void everyInstrumentIsWorseWhenHigher() {
        assertThat(catalogue.all())
                .extracting(InstrumentDefinition::direction)
                .containsOnly(ScoreDirection.HIGHER_IS_WORSE);
    }

    @Test
    void recordsTheRecallPeriods() {
        assertThat(catalogue.findCurrent("NRS_BACK_PAIN").orElseThrow().recallPeriods())
                .containsExactly(RecallPeriod.PAST_WEEK, RecallPeriod.RIGHT_NOW);
        assertThat(catalogue.findCurrent("STARTBACK").orElseThrow().recallPeriods())
                .containsExactly(RecallPeriod.PAST_2_WEEKS);
        assertThat(catalogue.findCurrent("PGIC").orElseThrow().recallPeriods())
                .containsExactly(RecallPeriod.SINCE_START_OF_TREATMENT);
    }

    @Test
    void carriesTheMcidAndRelativeRuleOfEachChangeMeasure() {
        assertThat(mcid("NRS_BACK_PAIN")).isEqualTo(ChangeRules.Mcid.of("2", true));
        assertThat(mcid("NRS_LEG_PAIN")).isEqualTo(ChangeRules.Mcid.of("2", true));
        assertThat(mcid("ODI")).isEqualTo(ChangeRules.Mcid.of("10", true));
        assertThat(mcid("RMDQ")).isEqualTo(ChangeRules.Mcid.of("5", true));
        assertThat(mcid("PEG")).isEqualTo(new ChangeRules.Mcid(Optional.empty(), true));
        assertThat(mcid("PROMIS_PI_4A")).isEqualTo(ChangeRules.Mcid.of("3", false));
        assertThat(mcid("NIH_ISS")).isEqualTo(ChangeRules.Mcid.of("3", false));
    }

    @Test
    void marksPgicAndStartBackAsNotChangeMeasures() {
        assertThat(catalogue.findCurrent("PGIC").orElseThrow().isChangeMeasure())
                .isFalse();
        assertThat(catalogue.findCurrent("STARTBACK").orElseThrow().isChangeMeasure())
                .isFalse();
        assertThat(catalogue.findCurrent("ODI").orElseThrow().isChangeMeasure()).isTrue();
    }

    @Test
    void describesAPolicyWithAStableIdForEveryInstrument() {
        assertThat(catalogue.all())
                .extracting(definition -> definition.scoringRule().policyId())
                .allMatch(id -> id.matches("[a-z0-9.-]+"));
        assertThat(catalogue.all()).allSatisfy(definition -> {
            assertThat(definition.scoringRule().policyDescription()).isNotBlank();
            assertThat(definition.licenceNotice()).isNotBlank();
        });
        assertThat(catalogue.findCurrent("ODI").orElseThrow().scoringRule().policyId())
                .isEqualTo("odi-percent-of-answered-max-missing-1");
    }

    @Test
    void aDeploymentCanChangeTheOdiLimitAndTheRangedMcidsWhichTheIdsThenReflect() {
        InstrumentCatalogue strict = InstrumentCatalogue.withSettings(
                new CatalogueSettings(0, new BigDecimal("5.5"), new BigDecimal("7.5")));

        assertThat(strict.findCurrent("ODI").orElseThrow().scoringRule().policyId())
                .isEqualTo("odi-percent-of-answered-max-missing-0");
        assertThat(((ChangeRules.Mcid)
                                strict.findCurrent("PROMIS_PI_4A").orElseThrow().changeRules())
                        .absoluteMcid())
                .contains(new BigDecimal("5.5"));
        assertThat(((ChangeRules.Mcid)
                                strict.findCurrent("NIH_ISS").orElseThrow().changeRules())
                        .absoluteMcid())
                .contains(new BigDecimal("7.5"));
    }

    @Test
    void refusesSettingsThatCouldScoreNothing() {
        assertThatThrownBy(() -> new CatalogueSettings(10, BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatalogueSettings(-1, BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatalogueSettings(1, BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> codes(String instrumentCode) {
        return catalogue.findCurrent(instrumentCode).orElseThrow().itemCodes();
    }

    private ItemDefinition item(String instrumentCode, String itemCode) {
        return catalogue
                .findCurrent(instrumentCode)
                .orElseThrow()
                .item(itemCode)
                .orElseThrow();
    }

    private List<Integer> range(String instrumentCode, String itemCode) {
        ItemDefinition item = item(instrumentCode, itemCode);
        assertThat(item.responseOptions()).hasSize(item.maximumValue() - item.minimumValue() + 1);
        return List.of(item.minimumValue(), item.maximumValue());
    }

    private List<String> loinc(String instrumentCode) {
        return catalogue.findCurrent(instrumentCode).orElseThrow().loincCodes().stream()
                .map(LoincCode::code)
                .toList();
    }

    private ChangeRules mcid(String instrumentCode) {
        return catalogue.findCurrent(instrumentCode).orElseThrow().changeRules();
    }
}
