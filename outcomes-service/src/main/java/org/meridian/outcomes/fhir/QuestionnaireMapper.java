package org.meridian.outcomes.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.ResourceType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ItemDefinition;
import org.meridian.outcomes.scoring.instrument.ResponseOption;
import org.meridian.outcomes.scoring.instrument.ScoreDirection;

/**
 * One instrument version as a FHIR Questionnaire. Items are {@code choice} questions whose options are codings of
 * the item's integer answer codes, each with its label and the standard ordinalValue extension carrying the number
 * the scoring uses. An item is required when the scoring policy needs every item; where the policy tolerates missing
 * items (ODI: one section) no single item is required; the description states the rule.
 */
public final class QuestionnaireMapper {

    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private static final String PUBLISHER = "Meridian";

    public Questionnaire toQuestionnaire(InstrumentDefinition instrument) {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId(MeridianFhir.questionnaireId(instrument.code(), instrument.version()));
        questionnaire.setUrl(MeridianFhir.questionnaireUrl(instrument.code()));
        questionnaire.setVersion(instrument.version());
        questionnaire.setName(instrument.code());
        questionnaire.setTitle(instrument.title());
        questionnaire.setStatus(PublicationStatus.ACTIVE);
        questionnaire.setExperimental(false);
        questionnaire.addSubjectType(ResourceType.PATIENT.toCode());
        questionnaire.setPublisher(PUBLISHER);
        questionnaire.setDescription(description(instrument));
        questionnaire.setCopyright(instrument.licenceNotice());
        LoincCodes.panel(instrument).ifPresent(panel -> questionnaire.addCode(LoincCodes.coding(panel.code())));
        boolean everyItemRequired = instrument.scoringRule().maxMissingItems() == 0;
        for (ItemDefinition item : instrument.items()) {
            questionnaire.addItem(item(instrument, item, everyItemRequired));
        }
        return questionnaire;
    }

    private static QuestionnaireItemComponent item(
            InstrumentDefinition instrument, ItemDefinition item, boolean required) {
        QuestionnaireItemComponent component = new QuestionnaireItemComponent()
                .setLinkId(item.code())
                .setText(item.text())
                .setType(QuestionnaireItemType.CHOICE)
                .setRequired(required);
        LoincCodes.item(instrument, item).ifPresent(code -> component.addCode(LoincCodes.coding(code)));
        for (ResponseOption option : item.responseOptions()) {
            component.addAnswerOption().setValue(answerCoding(option));
        }
        return component;
    }

    static Coding answerCoding(ResponseOption option) {
        Coding coding = new Coding(MeridianFhir.ANSWER_SYSTEM, String.valueOf(option.value()), option.label());
        coding.addExtension(ORDINAL_VALUE, new DecimalType(option.value()));
        return coding;
    }

    private static String description(InstrumentDefinition instrument) {
        String direction = instrument.direction() == ScoreDirection.HIGHER_IS_WORSE
                ? "A higher score is a worse state."
                : "A higher score is a better state.";
        return instrument.scoringRule().policyDescription() + " " + direction + " Scoring policy: "
                + instrument.scoringRule().policyId() + ".";
    }
}
