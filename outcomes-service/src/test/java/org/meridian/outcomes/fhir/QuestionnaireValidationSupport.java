package org.meridian.outcomes.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * Lets the validator resolve Meridian's Questionnaires by canonical ({@code url} or {@code url|version}), so that a
 * QuestionnaireResponse is checked against its Questionnaire (HAPI's PrePopulatedValidationSupport holds only
 * conformance resources such as StructureDefinitions and CodeSystems).
 */
final class QuestionnaireValidationSupport implements IValidationSupport {

    private final FhirContext context;
    private final Map<String, Questionnaire> byCanonical = new HashMap<>();

    QuestionnaireValidationSupport(FhirContext context, List<Questionnaire> questionnaires) {
        this.context = context;
        for (Questionnaire questionnaire : questionnaires) {
            byCanonical.put(questionnaire.getUrl() + "|" + questionnaire.getVersion(), questionnaire);
            byCanonical.putIfAbsent(questionnaire.getUrl(), questionnaire);
        }
    }

    @Override
    public FhirContext getFhirContext() {
        return context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
        if (type != null && !type.isAssignableFrom(Questionnaire.class)) {
            return null;
        }
        Questionnaire questionnaire = byCanonical.get(url);
        return questionnaire == null ? null : (T) questionnaire;
    }
}
