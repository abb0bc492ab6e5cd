package org.meridian.outcomes.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.ExtensionContextType;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r4.model.UriType;

/**
 * The definitions of Meridian's QuestionnaireResponse extensions, so that validators (and EHRs) can check them like
 * any other extension rather than accepting them unseen.
 */
public final class MeridianExtensions {

    private static final String EXTENSION = "http://hl7.org/fhir/StructureDefinition/Extension";

    private MeridianExtensions() {}

    public static List<StructureDefinition> all() {
        return List.of(
                extension(
                        "timepoint",
                        MeridianFhir.TIMEPOINT_EXTENSION,
                        "MeridianTimepoint",
                        "When in the course of care the questionnaire was answered (codes of "
                                + MeridianFhir.TIMEPOINT_SYSTEM + ")",
                        "Coding",
                        "code"),
                extension(
                        "follow-up-weeks",
                        MeridianFhir.FOLLOW_UP_WEEKS_EXTENSION,
                        "MeridianFollowUpWeeks",
                        "For a FOLLOW_UP timepoint: weeks after the start of the episode",
                        "integer"),
                extension(
                        "recall-period",
                        MeridianFhir.RECALL_PERIOD_EXTENSION,
                        "MeridianRecallPeriod",
                        "The period the answers refer to (codes of " + MeridianFhir.RECALL_PERIOD_SYSTEM + ")",
                        "Coding",
                        "code"));
    }

    private static StructureDefinition extension(
            String id, String url, String name, String definition, String... valueTypes) {
        StructureDefinition structure = new StructureDefinition();
        structure.setId(id);
        structure.setUrl(url);
        structure.setVersion("1");
        structure.setName(name);
        structure.setTitle(name.replace("Meridian", "Meridian "));
        structure.setStatus(PublicationStatus.ACTIVE);
        structure.setExperimental(false);
        structure.setPublisher("Meridian");
        structure.setDescription(definition);
        structure.setFhirVersion(FHIRVersion._4_0_1);
        structure.setKind(StructureDefinitionKind.COMPLEXTYPE);
        structure.setAbstract(false);
        structure.addContext().setType(ExtensionContextType.ELEMENT).setExpression("QuestionnaireResponse");
        structure.setType("Extension");
        structure.setBaseDefinition(EXTENSION);
        structure.setDerivation(TypeDerivationRule.CONSTRAINT);
        StructureDefinition.StructureDefinitionDifferentialComponent differential = structure.getDifferential();
        differential.addElement(element("Extension")
                .setShort(definition)
                .setDefinition(definition)
                .setMax("1"));
        differential.addElement(element("Extension.extension").setMax("0"));
        differential.addElement(element("Extension.url").setFixed(new UriType(url)));
        ElementDefinition value = element("Extension.value[x]").setMin(1);
        for (String type : valueTypes) {
            value.addType().setCode(type);
        }
        differential.addElement(value);
        return structure;
    }

    private static ElementDefinition element(String path) {
        ElementDefinition element = new ElementDefinition().setPath(path);
        element.setId(path);
        return element;
    }
}
