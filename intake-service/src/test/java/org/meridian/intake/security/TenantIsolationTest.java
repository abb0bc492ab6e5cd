package org.meridian.intake.security;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.meridian.intake.Fixtures;
import org.meridian.intake.TenantFixture;
import org.meridian.platform.test.security.AbstractTenantIsolationTest;
import org.meridian.platform.test.security.TestTokens;

/** Tenancy by object on intake's API; an identifying query value (?mrn=, ?name=) counts as an id. */
@QuarkusTest
class TenantIsolationTest extends AbstractTenantIsolationTest<TenantFixture> {

    private static final String CLINIC = Fixtures.API + "/clinics/{clinicId}";
    private static final String PATIENT = CLINIC + "/patients/{patientId}";
    private static final String SESSIONS = CLINIC + "/episodes/{episodeId}/sessions";

    /** {practitionerId} in a body is the caller's clinic's practitioner. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST " + SESSIONS, Fixtures.sessionBody("{practitionerId}", Fixtures.hoursAgo(1))),
            Map.entry(
                    "POST " + SESSIONS + "/{sessionId}/adverse-events",
                    "{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false}"),
            Map.entry(
                    "POST " + SESSIONS + "/{sessionId}/cancellation",
                    "{\"reason\": \"RECORDED_IN_ERROR\", \"note\": \"Entered for the wrong patient\"}"),
            Map.entry("PUT " + PATIENT, """
                    {"givenName": "Alice", "familyName": "Nguyen", "dateOfBirth": "1972-04-18", "sex": "FEMALE",
                     "identifiers": [{"type": "MRN", "system": "https://ehr.example/mrn", "value": "MRN-%s"}]}""".formatted(UUID.randomUUID())),
            Map.entry("POST " + PATIENT + "/consents", "{\"kind\": \"RESEARCH\", \"documentVersion\": \"2026-03\"}"),
            Map.entry(
                    "POST " + PATIENT + "/consents/{consentId}/withdrawal",
                    "{\"reason\": \"No longer wishes to take part\"}"),
            Map.entry("POST " + PATIENT + "/episodes", Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC))),
            Map.entry("PUT " + PATIENT + "/episodes/{episodeId}", Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC))),
            Map.entry(
                    "POST " + PATIENT + "/episodes/{episodeId}/transitions",
                    "{\"status\": \"DISCONTINUED\", \"reason\": \"PATIENT_CHOICE\", \"note\": \"Moved away\"}"),
            Map.entry("POST " + PATIENT + "/intake-assessments", Fixtures.assessmentBody("{practitionerId}", false)),
            Map.entry(
                    "POST " + PATIENT + "/intake-assessments/{assessmentId}/red-flag-acknowledgement",
                    "{\"practitionerId\": \"{practitionerId}\", \"note\": \"Cleared by the GP\"}"),
            Map.entry("POST " + CLINIC + "/patients", """
                    {"givenName": "Alice", "familyName": "Nguyen", "dateOfBirth": "1972-04-18", "sex": "FEMALE",
                     "identifiers": [{"type": "MRN", "system": "https://ehr.example/mrn", "value": "MRN-%s"}]}""".formatted(UUID.randomUUID())),
            Map.entry("POST " + CLINIC + "/practitioners", """
                    {"givenName": "Mei", "familyName": "Lin", "licenceNumber": "LIC-%s", "profession": "ACUPUNCTURIST"}""".formatted(UUID.randomUUID())),
            Map.entry("PUT " + CLINIC + "/practitioners/{practitionerId}", """
                    {"givenName": "Mei", "familyName": "Lin", "licenceNumber": "LIC-%s", "profession": "ACUPUNCTURIST"}""".formatted(UUID.randomUUID())));

    @Override
    protected TenantFixture newClinicPatient() {
        return TenantFixture.create();
    }

    @Override
    protected TenantFixture anotherPatientOf(TenantFixture neighbour) {
        return TenantFixture.create(neighbour.clinicId(), neighbour.practitionerId());
    }

    @Override
    protected Map<String, String> ids(TenantFixture tenant) {
        return tenant.ids();
    }

    @Override
    protected UUID clinicId(TenantFixture tenant) {
        return UUID.fromString(tenant.clinicId());
    }

    @Override
    protected String patientToken(TenantFixture tenant) {
        return TestTokens.patient(UUID.fromString(tenant.clinicId()), UUID.fromString(tenant.patientId()));
    }

    @Override
    protected Set<String> catalogueKeys() {
        return Set.of("code");
    }

    @Override
    protected Map<String, String> bodies(TenantFixture own) {
        return BODIES.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, body -> body.getValue().replace("{practitionerId}", own.practitionerId())));
    }

    @Override
    protected Set<String> otherQueryParameters() {
        // paging, and the practitioner list's filters (a name, a licence number, whether active): none names an object
        return Set.of("page", "size", "name", "licenceNumber", "active");
    }
}
