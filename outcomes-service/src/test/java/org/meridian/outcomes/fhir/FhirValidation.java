package org.meridian.outcomes.fhir;

import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.meridian.outcomes.scoring.instrument.InstrumentCatalogue;
import org.meridian.platform.test.fhir.FhirInstanceValidation;

/**
 * Outcomes' resources validated offline against R4 with Meridian's Questionnaires, code systems and extension
 * definitions pre-loaded, so QuestionnaireResponses are checked against their Questionnaire, local codes against their
 * CodeSystem and extensions against their definition (unknown extensions are errors). LOINC cannot be looked up
 * offline (the code's existence is checked separately: LOINC codes come only from docs/scoring.md#licences-and-loinc-codes). Built once per JVM.
 */
final class FhirValidation {

    private static FhirInstanceValidation validation;

    private FhirValidation() {}

    /** The validator only warns when it cannot find the Questionnaire; for Meridian's own that is a failure. */
    private static boolean isUnresolvedQuestionnaire(SingleValidationMessage message) {
        String text = message.getMessage();
        return text != null && text.contains("questionnaire") && text.contains("could not be resolved");
    }

    static synchronized FhirInstanceValidation validator() {
        if (validation == null) {
            QuestionnaireMapper mapper = new QuestionnaireMapper();
            validation = FhirInstanceValidation.r4()
                    .with(context -> {
                        PrePopulatedValidationSupport meridian = new PrePopulatedValidationSupport(context);
                        MeridianCodeSystems.all().forEach(meridian::addCodeSystem);
                        MeridianExtensions.all().forEach(meridian::addStructureDefinition);
                        return meridian;
                    })
                    .with(context -> new QuestionnaireValidationSupport(
                            context,
                            InstrumentCatalogue.standard().all().stream()
                                    .map(mapper::toQuestionnaire)
                                    .toList()))
                    .rejectingUnknownExtensions(null)
                    .offline("http://loinc.org")
                    .failing(FhirValidation::isUnresolvedQuestionnaire)
                    .build();
        }
        return validation;
    }
}
