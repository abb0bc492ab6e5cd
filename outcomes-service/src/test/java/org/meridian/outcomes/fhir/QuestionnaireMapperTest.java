package org.meridian.outcomes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ItemDefinition;
import org.meridian.outcomes.scoring.instrument.LoincCode;

class QuestionnaireMapperTest {

    private final QuestionnaireMapper mapper = new QuestionnaireMapper();

    private Questionnaire questionnaire(String code) {
        return mapper.toQuestionnaire(FhirSamples.CATALOGUE.findCurrent(code).orElseThrow());
    }

    @Test
    void identifiesEachInstrumentVersionByCanonicalUrlAndVersion() {
        Questionnaire odi = questionnaire("ODI");

        assertThat(odi.getUrl()).isEqualTo("https://meridian.example/fhir/Questionnaire/odi");
        assertThat(odi.getVersion()).isEqualTo("2.1a");
        assertThat(odi.getIdPart()).isEqualTo("odi-2.1a");
        assertThat(odi.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
        assertThat(odi.getCopyright()).contains("Mapi Research Trust");
    }

    @Test
    void linkIdsAreTheItemCodesInOrder() {
        for (InstrumentDefinition instrument : FhirSamples.instruments()) {
            assertThat(mapper.toQuestionnaire(instrument).getItem())
                    .extracting(QuestionnaireItemComponent::getLinkId)
                    .containsExactlyElementsOf(instrument.itemCodes());
        }
    }

    @Test
    void usesOnlyLoincCodesTheCatalogueLists() {
        for (InstrumentDefinition instrument : FhirSamples.instruments()) {
            Set<String> listed = new HashSet<>(
                    instrument.loincCodes().stream().map(LoincCode::code).toList());
            instrument.items().forEach(item -> item.loincCode().ifPresent(listed::add));
            Questionnaire questionnaire = mapper.toQuestionnaire(instrument);
            List<Coding> used = new ArrayList<>(questionnaire.getCode());
            questionnaire.getItem().forEach(item -> used.addAll(item.getCode()));

            assertThat(used).allSatisfy(coding -> {
                assertThat(coding.getSystem()).isEqualTo("http://loinc.org");
                assertThat(listed).contains(coding.getCode());
            });
        }
    }

    @Test
    void carriesTheLoincCodesOfPegAndPromisItemsAndNoneForOdi() {
        assertThat(questionnaire("PEG").getCodeFirstRep().getCode()).isEqualTo("91148-7");
        assertThat(questionnaire("PEG").getItem())
                .extracting(item -> item.getCodeFirstRep().getCode())
                .containsExactly("75893-8", "91145-3", "91146-1");
        assertThat(questionnaire("PROMIS_PI_4A").getItem())
                .extracting(item -> item.getCodeFirstRep().getCode())
                .containsExactly("61758-9", "61769-6", "61773-8", "61775-3");
        assertThat(questionnaire("NRS_BACK_PAIN")
                        .getItemFirstRep()
                        .getCodeFirstRep()
                        .getCode())
                .isEqualTo("72514-3");
        assertThat(questionnaire("ODI").getItem())
                .allSatisfy(item -> assertThat(item.hasCode()).isFalse());
        assertThat(questionnaire("ODI").hasCode()).isFalse();
    }

    @Test
    void requiresEveryItemOnlyWhenThePolicyNeedsAllOfThem() {
        assertThat(questionnaire("ODI").getItem())
                .allSatisfy(item -> assertThat(item.getRequired()).isFalse());
        assertThat(questionnaire("ODI").getDescription()).contains("at least 9 of 10");
        assertThat(questionnaire("RMDQ").getItem())
                .allSatisfy(item -> assertThat(item.getRequired()).isTrue());
        assertThat(questionnaire("NIH_ISS").getItem())
                .allSatisfy(item -> assertThat(item.getRequired()).isTrue());
    }

    @Test
    void offersEachResponseCodeWithItsLabelAndOrdinalValue() {
        InstrumentDefinition startBack =
                FhirSamples.CATALOGUE.findCurrent("STARTBACK").orElseThrow();
        ItemDefinition bothersomeness = startBack.item("sbt_09_bothersomeness").orElseThrow();
        QuestionnaireItemComponent item =
                mapper.toQuestionnaire(startBack).getItem().getLast();

        assertThat(item.getType()).isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
        assertThat(item.getAnswerOption())
                .hasSize(bothersomeness.responseOptions().size());
        Coding extremely = item.getAnswerOption().getLast().getValueCoding();
        assertThat(extremely.getSystem()).isEqualTo(MeridianFhir.ANSWER_SYSTEM);
        assertThat(extremely.getCode()).isEqualTo("4");
        assertThat(extremely.getDisplay()).isEqualTo("Extremely");
        assertThat(extremely
                        .getExtensionByUrl(QuestionnaireMapper.ORDINAL_VALUE)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("4");
    }
}
