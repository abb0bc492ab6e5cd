package org.meridian.platform.test.openapi;

import static java.util.Map.entry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operationIds each service publishes, "METHOD path" -> operationId. SDKs generated from the gateway's merged
 * document name their methods after them, so a rename breaks client code: it is a change here, made on purpose.
 * Kept in one place so that uniqueness across the services is checked at build time (the services' OperationIdsTest,
 * the gateway's merge test), not first in the merged document.
 */
public final class PublishedOperationIds {

    private static final String INTAKE_CLINICS = "/api/v1/intake/clinics";
    private static final String INTAKE_PATIENT = INTAKE_CLINICS + "/{clinicId}/patients/{patientId}";
    private static final String INTAKE_SESSIONS = INTAKE_CLINICS + "/{clinicId}/episodes/{episodeId}/sessions";
    private static final String OUTCOMES_PATIENT = "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}";
    private static final String OUTCOMES_INSTRUMENTS = "/api/v1/outcomes/instruments";

    public static final Map<String, String> INTAKE = Map.ofEntries(
            entry("POST " + INTAKE_CLINICS, "registerClinic"),
            entry("GET " + INTAKE_CLINICS, "listClinics"),
            entry("GET " + INTAKE_CLINICS + "/{clinicId}", "getClinic"),
            entry("POST " + INTAKE_CLINICS + "/{clinicId}/practitioners", "registerPractitioner"),
            entry("GET " + INTAKE_CLINICS + "/{clinicId}/practitioners", "listPractitioners"),
            entry("GET " + INTAKE_CLINICS + "/{clinicId}/practitioners/{practitionerId}", "getPractitioner"),
            entry("PUT " + INTAKE_CLINICS + "/{clinicId}/practitioners/{practitionerId}", "updatePractitioner"),
            entry("POST " + INTAKE_CLINICS + "/{clinicId}/patients", "registerPatient"),
            entry("GET " + INTAKE_CLINICS + "/{clinicId}/patients", "searchPatients"),
            entry("GET " + INTAKE_PATIENT, "getPatient"),
            entry("PUT " + INTAKE_PATIENT, "updatePatient"),
            entry("POST " + INTAKE_PATIENT + "/consents", "giveConsent"),
            entry("GET " + INTAKE_PATIENT + "/consents", "listConsents"),
            entry("GET " + INTAKE_PATIENT + "/consents/{consentId}", "getConsent"),
            entry("POST " + INTAKE_PATIENT + "/consents/{consentId}/withdrawal", "withdrawConsent"),
            entry("POST " + INTAKE_PATIENT + "/intake-assessments", "recordIntakeAssessment"),
            entry("GET " + INTAKE_PATIENT + "/intake-assessments", "listIntakeAssessments"),
            entry("GET " + INTAKE_PATIENT + "/intake-assessments/{assessmentId}", "getIntakeAssessment"),
            entry(
                    "POST " + INTAKE_PATIENT + "/intake-assessments/{assessmentId}/red-flag-acknowledgement",
                    "acknowledgeRedFlags"),
            entry("POST " + INTAKE_PATIENT + "/episodes", "startEpisode"),
            entry("GET " + INTAKE_PATIENT + "/episodes", "listEpisodes"),
            entry("GET " + INTAKE_PATIENT + "/episodes/{episodeId}", "getEpisode"),
            entry("PUT " + INTAKE_PATIENT + "/episodes/{episodeId}", "updateEpisode"),
            entry("POST " + INTAKE_PATIENT + "/episodes/{episodeId}/transitions", "transitionEpisode"),
            entry("POST " + INTAKE_SESSIONS, "recordSession"),
            entry("GET " + INTAKE_SESSIONS, "listSessions"),
            entry("GET " + INTAKE_SESSIONS + "/{sessionId}", "getSession"),
            entry("POST " + INTAKE_SESSIONS + "/{sessionId}/cancellation", "cancelSession"),
            entry("POST " + INTAKE_SESSIONS + "/{sessionId}/adverse-events", "recordAdverseEvent"),
            entry("GET " + INTAKE_SESSIONS + "/{sessionId}/adverse-events", "listAdverseEvents"),
            entry("GET " + INTAKE_SESSIONS + "/{sessionId}/adverse-events/{adverseEventId}", "getAdverseEvent"),
            entry("GET /api/v1/intake/acupoints", "listAcupoints"),
            entry("GET /api/v1/intake/acupoints/{code}", "getAcupoint"),
            entry("GET /api/v1/intake/audit-events", "listIntakeAuditEvents"),
            entry("GET /internal/v1/intake/events", "readIntakeEvents"),
            entry("GET /internal/v1/intake/clinics/{clinicId}/patients/{patientId}/link", "getPatientLink"),
            entry("GET /internal/v1/intake/clinics/{clinicId}/pseudonyms/{pseudonymId}", "getIssuedPseudonym"));

    public static final Map<String, String> OUTCOMES = Map.ofEntries(
            entry("GET " + OUTCOMES_PATIENT, "getKnownPatient"),
            entry("POST " + OUTCOMES_PATIENT + "/assessments", "submitAssessment"),
            entry("GET " + OUTCOMES_PATIENT + "/assessments", "listAssessments"),
            entry("GET " + OUTCOMES_PATIENT + "/assessments/{assessmentId}", "getAssessment"),
            entry("PUT " + OUTCOMES_PATIENT + "/assessments/{assessmentId}", "completeAssessmentDraft"),
            entry("GET " + OUTCOMES_PATIENT + "/progress", "getPatientProgress"),
            entry("GET " + OUTCOMES_PATIENT + "/episodes/{episodeId}/progress", "getEpisodeProgress"),
            entry("GET " + OUTCOMES_PATIENT + "/trajectory", "getPatientTrajectory"),
            entry("GET " + OUTCOMES_PATIENT + "/schedule", "getPatientSchedule"),
            entry("GET " + OUTCOMES_PATIENT + "/episodes/{episodeId}/visit-12-check", "getVisit12Check"),
            entry("GET " + OUTCOMES_INSTRUMENTS, "listInstruments"),
            entry("GET " + OUTCOMES_INSTRUMENTS + "/{code}", "getInstrument"),
            entry("GET " + OUTCOMES_INSTRUMENTS + "/{code}/versions/{version}", "getInstrumentVersion"),
            entry("GET /api/v1/outcomes/research/aggregates", "getResearchAggregates"),
            entry("GET /api/v1/outcomes/research/exports/assessments", "exportResearchAssessments"),
            entry("GET /api/v1/outcomes/audit-events", "listOutcomesAuditEvents"));

    /** Every service's, in the gateway's order (intake, outcomes). */
    public static final Map<String, Map<String, String>> BY_SERVICE = orderedByService();

    private PublishedOperationIds() {}

    private static Map<String, Map<String, String>> orderedByService() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.put("intake", INTAKE);
        all.put("outcomes", OUTCOMES);
        return Collections.unmodifiableMap(all);
    }

    /** All services' operations together, as the merged document has them. */
    public static Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>(INTAKE);
        all.putAll(OUTCOMES);
        return all;
    }
}
