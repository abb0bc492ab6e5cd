package org.meridian.intake;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One patient of a clinic with an object of every kind the API names by id (consent, intake assessment, episode,
 * session, adverse event), created through the API as the clinic's staff: the objects the tenancy tests name.
 */
public record TenantFixture(
        String clinicId,
        String practitionerId,
        String patientId,
        String pseudonymId,
        String mrn,
        String familyName,
        String consentId,
        String assessmentId,
        String episodeId,
        String sessionId,
        String adverseEventId) {

    /** A patient of a new clinic. */
    public static TenantFixture create() {
        String clinicId = Fixtures.clinic();
        return create(clinicId, Fixtures.practitioner(clinicId));
    }

    /** Another patient of the clinic, treated by the practitioner. */
    public static TenantFixture create(String clinicId, String practitionerId) {
        String mrn = "MRN-" + UUID.randomUUID();
        String familyName = "Tenant" + UUID.randomUUID().toString().substring(0, 8);
        var patient = Fixtures.registerPatient(clinicId, "Alice", familyName, mrn)
                .then()
                .statusCode(201)
                .extract();
        String patientId = patient.path("id");
        Fixtures.consent(clinicId, patientId, "TREATMENT");
        String consentId = Fixtures.consent(clinicId, patientId, "RESEARCH");
        String assessmentId = Fixtures.assessment(clinicId, patientId, practitionerId, false);
        String episodeId = Fixtures.episode(clinicId, patientId);
        String sessionId = Fixtures.session(new Fixtures.CareSetup(clinicId, practitionerId, patientId, episodeId));
        String adverseEventId = Fixtures.asStaffOf(clinicId)
                .contentType(ContentType.JSON)
                .body("{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false}")
                .when()
                .post(Fixtures.sessionsPath(clinicId, episodeId) + "/" + sessionId + "/adverse-events")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new TenantFixture(
                clinicId,
                practitionerId,
                patientId,
                patient.path("pseudonymId"),
                mrn,
                familyName,
                consentId,
                assessmentId,
                episodeId,
                sessionId,
                adverseEventId);
    }

    /** The ids, and the values that identify the patient, by the names the API's parameters give them. */
    public Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("mrn", mrn);
        ids.put("name", familyName);
        ids.put("clinicId", clinicId);
        ids.put("practitionerId", practitionerId);
        ids.put("patientId", patientId);
        ids.put("pseudonymId", pseudonymId);
        ids.put("consentId", consentId);
        ids.put("assessmentId", assessmentId);
        ids.put("episodeId", episodeId);
        ids.put("sessionId", sessionId);
        ids.put("adverseEventId", adverseEventId);
        return ids;
    }
}
