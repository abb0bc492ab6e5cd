package org.meridian.intake.fhir;

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
 * What intake-service implements of FHIR R4, exactly: the interactions and search parameters of Patient, Procedure,
 * Condition and AdverseEvent. Outcomes-service publishes its own for Questionnaire, QuestionnaireResponse and
 * Observation; both are standard CapabilityStatements so the gateway can merge their rest.resource lists.
 */
@ApplicationScoped
public class CapabilityStatementFactory implements CapabilityStatementSource {

    private static final String PATIENT_REFERENCE = "The patient: Patient/{id} (intake's patient id) or {id}";

    @Override
    public CapabilityStatement create(Date published) {
        CapabilityStatement statement = CapabilityStatements.server(
                "intake",
                "Patients as Patient (with their pseudonymous id as identifier system "
                        + MeridianFhir.PSEUDONYM_SYSTEM
                        + "), acupuncture sessions as Procedure, back pain from the intake"
                        + " assessment as Condition, adverse events after needling as AdverseEvent.",
                "Bearer JWT from Meridian's OIDC issuer (Authorization: Bearer {token}). The clinic is"
                        + " the token's clinic_id: practitioners and clinic admins see their clinic's patients, a"
                        + " patient (patient_id) only their own record; researchers and admins are refused (403)."
                        + " Another clinic's or patient's resource answers 404. Only practitioners and clinic admins"
                        + " create Patients.",
                published);
        CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        patient(rest.addResource());
        procedure(rest.addResource());
        condition(rest.addResource());
        adverseEvent(rest.addResource());
        return statement;
    }

    private static void patient(CapabilityStatementRestResourceComponent resource) {
        readOnly(resource)
                .setType("Patient")
                .setVersioning(ResourceVersionPolicy.VERSIONED)
                .setConditionalCreate(true)
                .setDocumentation("id = intake's patient id. Create registers the patient in the caller's clinic like"
                        + " the native API (name, birthDate and gender required; identifiers unique per clinic:"
                        + " a reused identifier is 409). Conditional create: If-None-Exist: identifier=system|value"
                        + " (or that search as a URL, [base]/Patient?identifier=system|value) answers 200 with the"
                        + " patient that holds it, also when creates race. Location: [base]/Patient/{id}/_history/{vid}."
                        + PAGING);
        interactions(
                resource,
                TypeRestfulInteraction.CREATE,
                TypeRestfulInteraction.READ,
                TypeRestfulInteraction.SEARCHTYPE);
        param(resource, "_id", SearchParamType.TOKEN, "Resource-id", "The patient id");
        param(
                resource,
                "identifier",
                SearchParamType.TOKEN,
                "Patient-identifier",
                "An identifier as system|value or value (e.g. the MRN, or " + MeridianFhir.PSEUDONYM_SYSTEM + "|{id})");
        param(
                resource,
                "name",
                SearchParamType.STRING,
                "Patient-name",
                "Start of the given or family name, case-insensitive");
        param(
                resource,
                "birthdate",
                SearchParamType.DATE,
                "individual-birthdate",
                "Date of birth; prefixes eq, ne, gt, ge, lt, le; repeat for a range");
    }

    private static void procedure(CapabilityStatementRestResourceComponent resource) {
        readOnly(resource)
                .setType("Procedure")
                .setVersioning(ResourceVersionPolicy.VERSIONED)
                .setDocumentation("One per acupuncture session (id = session id; outcomes' Observations are partOf"
                        + " it): SNOMED CT 44868003 Acupuncture, acupoints as bodySite (" + MeridianFhir.ACUPOINT_SYSTEM
                        + "), STRICTA details as note; cancelled sessions are not-done (entered-in-error when"
                        + " recorded in error)." + PAGING);
        interactions(resource, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        param(resource, "patient", SearchParamType.REFERENCE, "clinical-patient", PATIENT_REFERENCE);
        param(resource, "subject", SearchParamType.REFERENCE, "Procedure-subject", PATIENT_REFERENCE);
        param(
                resource,
                "date",
                SearchParamType.DATE,
                "clinical-date",
                "performedDateTime; prefixes eq, ne, gt, ge, lt, le; repeat for a range");
    }

    private static void condition(CapabilityStatementRestResourceComponent resource) {
        readOnly(resource)
                .setType("Condition")
                .setVersioning(ResourceVersionPolicy.VERSIONED)
                .setDocumentation("Back pain from each intake assessment, one problem-list-item per pain site (id ="
                        + " {assessmentId}-low-back, -upper-back or -sciatica); chronicity and red flags as notes."
                        + PAGING);
        interactions(resource, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        param(resource, "patient", SearchParamType.REFERENCE, "clinical-patient", PATIENT_REFERENCE);
        param(resource, "subject", SearchParamType.REFERENCE, "Condition-subject", PATIENT_REFERENCE);
    }

    private static void adverseEvent(CapabilityStatementRestResourceComponent resource) {
        readOnly(resource)
                .setType("AdverseEvent")
                .setVersioning(ResourceVersionPolicy.VERSIONED)
                .setDocumentation("Adverse events recorded after a session; suspectEntity is the session's"
                        + " Procedure." + PAGING);
        interactions(resource, TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
        param(resource, "subject", SearchParamType.REFERENCE, "AdverseEvent-subject", PATIENT_REFERENCE);
        resource.addSearchParam()
                .setName("patient")
                .setType(SearchParamType.REFERENCE)
                .setDocumentation(
                        "Same as subject (R4 defines no patient parameter on AdverseEvent). " + PATIENT_REFERENCE);
    }
}
