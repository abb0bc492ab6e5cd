package org.meridian.outcomes.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

class ObservationMapperTest {

    private final ObservationMapper mapper = new ObservationMapper();

    private static InstrumentDefinition instrument(String code) {
        return FhirSamples.CATALOGUE.findCurrent(code).orElseThrow();
    }

    private Observation observation(String code, Map<String, Integer> answers) {
        InstrumentDefinition instrument = instrument(code);
        return mapper.toObservation(
                FhirSamples.stored(instrument, answers, false), instrument, FhirSamples.score(instrument, answers));
    }

    private static Map<String, Integer> all(InstrumentDefinition instrument, int value) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        instrument.itemCodes().forEach(code -> answers.put(code, value));
        return answers;
    }

    private static ObservationComponentComponent component(Observation observation, String code) {
        return observation.getComponent().stream()
                .filter(component ->
                        component.getCode().getCodingFirstRep().getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void nrsPainUsesLoinc72514AndTheMeridianScoreCode() {
        Observation observation = observation("NRS_BACK_PAIN", Map.of("back_pain_nrs", 6));

        assertThat(observation.getCode().getCoding())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(
                        tuple("http://loinc.org", "72514-3"), tuple(MeridianFhir.SCORE_SYSTEM, "nrs-back-pain"));
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(6);
        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(observation.getCategoryFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("survey");
        assertThat(observation.getBodySite().getText()).isEqualTo("Back");
    }

    @Test
    void vasPainCarriesOnlyTheMeridianScoreCodeNeverAn0To10NrsLoincCode() {
        Observation observation = observation("VAS_PAIN", Map.of("pain_vas_0_100", 63));

        assertThat(observation.getCode().getCoding())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(tuple(MeridianFhir.SCORE_SYSTEM, "vas-pain"));
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(63);
        assertThat(observation.getComponent()).isEmpty();
    }

    @Test
    void linksTheResponseItIsDerivedFromAndTheSessionProcedure() {
        Observation observation = observation("NRS_LEG_PAIN", Map.of("leg_pain_nrs", 3));

        assertThat(observation.getDerivedFromFirstRep().getReference())
                .isEqualTo("QuestionnaireResponse/" + observation.getIdPart());
        assertThat(observation.getPartOfFirstRep().getReference()).isEqualTo("Procedure/" + FhirSamples.SESSION);
        assertThat(observation.getSubject().getIdentifier().getValue()).isEqualTo(FhirSamples.PSEUDONYM.toString());
        assertThat(observation.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-20T09:30:00Z");
    }

    @Test
    void odiIsAPercentQuantityWithoutLoincRoundedLikeTheApiWithItsBand() {
        Map<String, Integer> answers = all(instrument("ODI"), 2);
        answers.put("odi_01_pain_intensity", 0);
        answers.put("odi_10_travelling", null);
        Observation observation = observation("ODI", answers); // 16 / 45 x 100

        assertThat(observation.getCode().getCoding())
                .singleElement()
                .satisfies(coding -> assertThat(coding.getCode()).isEqualTo("odi-percent"));
        Quantity value = observation.getValueQuantity();
        assertThat(value.getValue()).isEqualByComparingTo(new BigDecimal("35.5556"));
        assertThat(value.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(value.getCode()).isEqualTo("%");
        assertThat(component(observation, "odi-band")
                        .getValueCodeableConcept()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("MODERATE");
        assertThat(component(observation, "odi-sections-answered")
                        .getValueIntegerType()
                        .getValue())
                .isEqualTo(9);
    }

    @Test
    void pegMeanKeepsFourDecimalsAsAUnitlessScore() {
        Observation observation =
                observation("PEG", Map.of("peg_pain", 4, "peg_enjoyment", 3, "peg_general_activity", 4));

        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("91147-9");
        assertThat(observation.getValueQuantity().getValue()).isEqualByComparingTo(new BigDecimal("3.6667"));
        assertThat(observation.getValueQuantity().getCode()).isEqualTo("{score}");
    }

    @Test
    void startBackTotalUsesLoinc91351WithRiskAndSubscaleComponents() {
        Map<String, Integer> answers = all(instrument("STARTBACK"), 1);
        answers.put("sbt_09_bothersomeness", 4);
        Observation observation = observation("STARTBACK", answers);

        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("91351-7");
        assertThat(observation.getValueIntegerType().getValue()).isEqualTo(9);
        assertThat(component(observation, "startback-psychosocial-subscale")
                        .getValueIntegerType()
                        .getValue())
                .isEqualTo(5);
        assertThat(component(observation, "startback-risk")
                        .getValueCodeableConcept()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("HIGH");
    }

    @Test
    void promisTScoreAndPgicImprovementUseLocalCodes() {
        Observation promis = observation("PROMIS_PI_4A", all(instrument("PROMIS_PI_4A"), 1));
        Observation pgic = observation("PGIC", Map.of("pgic", 2));

        assertThat(promis.getCode().getCodingFirstRep().getCode()).isEqualTo("promis-pi-4a-t-score");
        assertThat(promis.getValueQuantity().getValue()).isEqualByComparingTo(new BigDecimal("41.6"));
        assertThat(pgic.getValueIntegerType().getValue()).isEqualTo(2);
        assertThat(component(pgic, "pgic-improved").getValueBooleanType().getValue())
                .isTrue();
        assertThat(component(pgic, "pgic-category")
                        .getValueCodeableConcept()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("MUCH_IMPROVED");
    }
}
