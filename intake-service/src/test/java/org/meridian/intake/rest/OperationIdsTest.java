package org.meridian.intake.rest;

import static java.util.Map.entry;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.meridian.platform.test.openapi.AbstractOperationIdsTest;

@QuarkusTest
class OperationIdsTest extends AbstractOperationIdsTest {

    private static final String CLINICS = "/api/v1/intake/clinics";
    private static final String PATIENT = CLINICS + "/{clinicId}/patients/{patientId}";
    private static final String EPISODE_SESSIONS = CLINICS + "/{clinicId}/episodes/{episodeId}/sessions";

    @Override
    protected Map<String, String> expectedOperationIds() {
        return Map.ofEntries(
                entry("POST " + CLINICS, "registerClinic"),
                entry("GET " + CLINICS, "listClinics"),
                entry("GET " + CLINICS + "/{clinicId}", "getClinic"),
                entry("POST " + CLINICS + "/{clinicId}/practitioners", "registerPractitioner"),
                entry("GET " + CLINICS + "/{clinicId}/practitioners", "listPractitioners"),
                entry("GET " + CLINICS + "/{clinicId}/practitioners/{practitionerId}", "getPractitioner"),
                entry("PUT " + CLINICS + "/{clinicId}/practitioners/{practitionerId}", "updatePractitioner"),
                entry("POST " + CLINICS + "/{clinicId}/patients", "registerPatient"),
                entry("GET " + CLINICS + "/{clinicId}/patients", "searchPatients"),
                entry("GET " + PATIENT, "getPatient"),
                entry("PUT " + PATIENT, "updatePatient"),
                entry("POST " + PATIENT + "/consents", "giveConsent"),
                entry("GET " + PATIENT + "/consents", "listConsents"),
                entry("GET " + PATIENT + "/consents/{consentId}", "getConsent"),
                entry("POST " + PATIENT + "/consents/{consentId}/withdrawal", "withdrawConsent"),
                entry("POST " + PATIENT + "/intake-assessments", "recordIntakeAssessment"),
                entry("GET " + PATIENT + "/intake-assessments", "listIntakeAssessments"),
                entry("GET " + PATIENT + "/intake-assessments/{assessmentId}", "getIntakeAssessment"),
                entry(
                        "POST " + PATIENT + "/intake-assessments/{assessmentId}/red-flag-acknowledgement",
                        "acknowledgeRedFlags"),
                entry("POST " + PATIENT + "/episodes", "startEpisode"),
                entry("GET " + PATIENT + "/episodes", "listEpisodes"),
                entry("GET " + PATIENT + "/episodes/{episodeId}", "getEpisode"),
                entry("PUT " + PATIENT + "/episodes/{episodeId}", "updateEpisode"),
                entry("POST " + PATIENT + "/episodes/{episodeId}/transitions", "transitionEpisode"),
                entry("POST " + EPISODE_SESSIONS, "recordSession"),
                entry("GET " + EPISODE_SESSIONS, "listSessions"),
                entry("GET " + EPISODE_SESSIONS + "/{sessionId}", "getSession"),
                entry("POST " + EPISODE_SESSIONS + "/{sessionId}/cancellation", "cancelSession"),
                entry("POST " + EPISODE_SESSIONS + "/{sessionId}/adverse-events", "recordAdverseEvent"),
                entry("GET " + EPISODE_SESSIONS + "/{sessionId}/adverse-events", "listAdverseEvents"),
                entry("GET " + EPISODE_SESSIONS + "/{sessionId}/adverse-events/{adverseEventId}", "getAdverseEvent"),
                entry("GET /api/v1/intake/acupoints", "listAcupoints"),
                entry("GET /api/v1/intake/acupoints/{code}", "getAcupoint"),
                entry("GET /api/v1/intake/audit-events", "listIntakeAuditEvents"),
                entry("GET /internal/v1/intake/events", "readIntakeEvents"),
                entry("GET /internal/v1/intake/clinics/{clinicId}/patients/{patientId}/link", "getPatientLink"));
    }
}
