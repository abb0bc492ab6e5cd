package org.meridian.outcomes.fhir;

import static org.meridian.platform.fhir.CapabilityStatements.PAGING;
import static org.meridian.platform.fhir.CapabilityStatements.interactions;
import static org.meridian.platform.fhir.CapabilityStatements.param;
import static org.meridian.platform.fhir.CapabilityStatements.readOnly;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.meridian.platform.fhir.CapabilityStatementSource;
import org.meridian.platform.fhir.CapabilityStatements;

/**
 * What outcomes-service implements of FHIR R4, exactly: the interactions and search parameters of its resources.
 * Intake-service publishes its own fragment for Patient, Procedure, Condition and AdverseEvent.
 */
@ApplicationScoped
public class CapabilityStatementFactory implements CapabilityStatementSource {

    @Override
    public CapabilityStatement create(Date published) {
        CapabilityStatement statement = CapabilityStatements.server(
                "outcomes",
                "Instruments as Questionnaire, submissions as QuestionnaireResponse, computed scores"
                        + " as Observation. Patients are referred to by their pseudonymous id (identifier system "
                        + MeridianFhir.PSEUDONYM_SYSTEM + ").",
                "Bearer JWT from Meridian's OIDC issuer (Authorization: Bearer {token}). Roles:"
                        + " any role reads Questionnaires; patients (their own data), practitioners and clinic admins"
                        + " (their clinic's patients) read and write QuestionnaireResponses and read Observations.",
                published);
        CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        questionnaire(rest.addResource());
        questionnaireResponse(rest.addResource());
        observation(rest.addResource());
        return statement;
    }

    private static void questionnaire(CapabilityStatementRestResourceComponent resource) {
        readOnly(resource)
                .setType("Questionnaire")
                .setVersioning(ResourceVersionPolicy.NOVERSION)
                .setDocumentation("Every instrument version Meridian scores; read-only." + PAGING);
        interactions(resource, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        param(resource, "url", SearchParamType.URI, "Questionnaire-url", "The canonical URL, without |version");
        param(resource, "version", SearchParamType.TOKEN, "Questionnaire-version", "The instrument version");
        param(
                resource,
                "code",
                SearchParamType.TOKEN,
                "Questionnaire-code",
                "A LOINC code of the questionnaire or one of its items, as [system|]code");
    }

    private static void questionnaireResponse(CapabilityStatementRestResourceComponent resource) {
        readOnly(resource)
                .setType("QuestionnaireResponse")
                .setVersioning(ResourceVersionPolicy.VERSIONED)
                .setConditionalCreate(true)
                .setDocumentation("Submissions are scored on arrival. A create with an identifier is idempotent"
                        + " (also via If-None-Exist: identifier=system|value, or that search as a URL): a repeat"
                        + " answers 200 with the first result; the same identifier with different content is a 409."
                        + " Location: [base]/QuestionnaireResponse/{id}/_history/{vid}. Status 'completed' must be"
                        + " scoreable (else 422 naming each item); 'in-progress' saves an incomplete draft." + PAGING);
        interactions(
                resource,
                TypeRestfulInteraction.CREATE,
                TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE);
        patientParam(resource, "QuestionnaireResponse-patient");
        param(
                resource,
                "questionnaire",
                SearchParamType.REFERENCE,
                "QuestionnaireResponse-questionnaire",
                "The Questionnaire's canonical url or url|version");
        param(
                resource,
                "authored",
                SearchParamType.DATE,
                "QuestionnaireResponse-authored",
                "When it was answered; prefixes eq, ne, gt, ge, lt, le; repeat for a range");
        param(
                resource,
                "identifier",
                SearchParamType.TOKEN,
                "QuestionnaireResponse-identifier",
                "The submission identifier, as [system|]value");
        param(resource, "_lastUpdated", SearchParamType.DATE, "Resource-lastUpdated", "When it last changed");
    }

    private static void observation(CapabilityStatementRestResourceComponent resource) {
        readOnly(resource)
                .setType("Observation")
                .setVersioning(ResourceVersionPolicy.VERSIONED)
                .setDocumentation("One survey Observation per scored QuestionnaireResponse (same id), derivedFrom it,"
                        + " partOf the session Procedure when the assessment belongs to a session." + PAGING);
        interactions(resource, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        patientParam(resource, "clinical-patient");
        param(
                resource,
                "code",
                SearchParamType.TOKEN,
                "clinical-code",
                "LOINC (e.g. http://loinc.org|72514-3) or Meridian score code (" + MeridianFhir.SCORE_SYSTEM
                        + "|odi-percent)");
        param(
                resource,
                "date",
                SearchParamType.DATE,
                "clinical-date",
                "effectiveDateTime; prefixes eq, ne, gt, ge, lt, le; repeat for a range");
        param(resource, "_lastUpdated", SearchParamType.DATE, "Resource-lastUpdated", "When it last changed");
    }

    private static void patientParam(CapabilityStatementRestResourceComponent resource, String definition) {
        param(
                resource,
                "patient",
                SearchParamType.REFERENCE,
                definition,
                "Only with the :identifier modifier:" + " patient:identifier=" + MeridianFhir.PSEUDONYM_SYSTEM
                        + "|{pseudonymId}");
    }
}
