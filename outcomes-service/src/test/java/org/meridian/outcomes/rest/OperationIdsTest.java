package org.meridian.outcomes.rest;

import static java.util.Map.entry;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.meridian.platform.test.openapi.AbstractOperationIdsTest;

@QuarkusTest
class OperationIdsTest extends AbstractOperationIdsTest {

    private static final String PATIENT = "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}";
    private static final String INSTRUMENTS = "/api/v1/outcomes/instruments";

    @Override
    protected Map<String, String> expectedOperationIds() {
        return Map.ofEntries(
                entry("POST " + PATIENT + "/assessments", "submitAssessment"),
                entry("GET " + PATIENT + "/assessments", "listAssessments"),
                entry("GET " + PATIENT + "/assessments/{assessmentId}", "getAssessment"),
                entry("PUT " + PATIENT + "/assessments/{assessmentId}", "completeAssessmentDraft"),
                entry("GET " + PATIENT + "/progress", "getPatientProgress"),
                entry("GET " + PATIENT + "/episodes/{episodeId}/progress", "getEpisodeProgress"),
                entry("GET " + PATIENT + "/trajectory", "getPatientTrajectory"),
                entry("GET " + PATIENT + "/schedule", "getPatientSchedule"),
                entry("GET " + PATIENT + "/episodes/{episodeId}/visit-12-check", "getVisit12Check"),
                entry("GET " + INSTRUMENTS, "listInstruments"),
                entry("GET " + INSTRUMENTS + "/{code}", "getInstrument"),
                entry("GET " + INSTRUMENTS + "/{code}/versions/{version}", "getInstrumentVersion"),
                entry("GET /api/v1/outcomes/research/aggregates", "getResearchAggregates"),
                entry("GET /api/v1/outcomes/research/exports/assessments", "exportResearchAssessments"),
                entry("GET /api/v1/outcomes/audit-events", "listOutcomesAuditEvents"));
    }
}
