package org.meridian.outcomes.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.meridian.outcomes.scoring.instrument.InstrumentCatalogue;

/**
 * The HAPI FHIR instance validator against the R4 base specification, offline. Meridian's Questionnaires, code
 * systems and extension definitions are pre-loaded, so QuestionnaireResponses are checked against their
 * Questionnaire, local codes against their CodeSystem and extensions against their definition (unknown extensions
 * are errors). There is no terminology server offline: an error that only says a LOINC code could not be looked
 * up is counted as a warning (the code's existence is checked separately: LOINC codes come only from
 * docs/scoring.md#licences-and-loinc-codes).
 * Built once per JVM because the validator takes seconds to initialise.
 */
final class FhirValidation {

    static final FhirContext CONTEXT = FhirContext.forR4Cached();
    private static FhirValidator validator;

    /** What the validator said about one resource. */
    record Report(String resource, List<SingleValidationMessage> errors, List<SingleValidationMessage> warnings) {

        String describeErrors() {
            StringBuilder text = new StringBuilder(resource).append(" has ").append(errors.size()).append(" errors:");
            errors.forEach(message -> text.append("\n  ").append(message.getLocationString()).append(": ")
                    .append(message.getMessage()));
            return text.toString();
        }
    }

    private FhirValidation() {
    }

    /** Validates the resource as it is served: encoded by the same JSON parser, then parsed by the validator. */
    static Report validate(IBaseResource resource) {
        String name = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        return validate(name, CONTEXT.newJsonParser().encodeResourceToString(resource));
    }

    /** Validates a response body exactly as served. */
    static Report validate(String json) {
        IBaseResource parsed = CONTEXT.newJsonParser().parseResource(json);
        return validate(parsed.fhirType() + "/" + parsed.getIdElement().getIdPart(), json);
    }

    private static Report validate(String name, String json) {
        List<SingleValidationMessage> errors = new ArrayList<>();
        List<SingleValidationMessage> warnings = new ArrayList<>();
        for (SingleValidationMessage message : validator().validateWithResult(json).getMessages()) {
            boolean error = message.getSeverity() == ResultSeverityEnum.ERROR
                    || message.getSeverity() == ResultSeverityEnum.FATAL;
            if ((error && !isUnavailableLoincLookup(message)) || isUnresolvedQuestionnaire(message)) {
                errors.add(message);
            } else if (error || message.getSeverity() == ResultSeverityEnum.WARNING) {
                warnings.add(message);
            }
        }
        return new Report(name, errors, warnings);
    }

    static String json(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    /** The validator only warns when it cannot find the Questionnaire; for Meridian's own that is a failure. */
    private static boolean isUnresolvedQuestionnaire(SingleValidationMessage message) {
        String text = message.getMessage();
        return text != null && text.contains("questionnaire") && text.contains("could not be resolved");
    }

    private static boolean isUnavailableLoincLookup(SingleValidationMessage message) {
        String text = message.getMessage();
        return text != null && text.contains("http://loinc.org")
                && (text.contains("nknown") || text.contains("could not be found") || text.contains("not found")
                        || text.contains("unable to") || text.contains("Unable to"));
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            PrePopulatedValidationSupport meridian = new PrePopulatedValidationSupport(CONTEXT);
            MeridianCodeSystems.all().forEach(meridian::addCodeSystem);
            MeridianExtensions.all().forEach(meridian::addStructureDefinition);
            QuestionnaireMapper mapper = new QuestionnaireMapper();
            QuestionnaireValidationSupport questionnaires = new QuestionnaireValidationSupport(CONTEXT,
                    InstrumentCatalogue.standard().all().stream().map(mapper::toQuestionnaire).toList());
            ValidationSupportChain chain = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(CONTEXT),
                    new CommonCodeSystemsTerminologyService(CONTEXT),
                    new InMemoryTerminologyServerValidationSupport(CONTEXT),
                    new SnapshotGeneratingValidationSupport(CONTEXT),
                    meridian,
                    questionnaires);
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            module.setAnyExtensionsAllowed(false);
            FhirValidator created = CONTEXT.newValidator();
            created.registerValidatorModule(module);
            validator = created;
        }
        return validator;
    }
}
