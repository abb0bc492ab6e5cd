package org.meridian.intake.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.platform.test.security.AbstractAuthorizationMatrixTest;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class AuthorizationMatrixTest extends AbstractAuthorizationMatrixTest {

    AuthorizationMatrixTest() {
        super("patientId");
    }

    @Override
    protected Tenant newTenant() {
        CareSetup care = Fixtures.careSetup();
        String consentId = Fixtures.consent(care.clinicId(), care.patientId(), "RESEARCH");
        String assessmentId = Fixtures.assessment(care.clinicId(), care.patientId(), care.practitionerId(), false);
        String sessionId = Fixtures.session(care);
        String adverseEventId = Fixtures.asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(
                        "{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false, \"description\": \"Small bruise at BL23\"}")
                .when()
                .post(Fixtures.sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/adverse-events")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Tenant(
                UUID.fromString(care.clinicId()),
                Map.of(
                        "patientId",
                        care.patientId(),
                        "practitionerId",
                        care.practitionerId(),
                        "episodeId",
                        care.episodeId(),
                        "sessionId",
                        sessionId,
                        "consentId",
                        consentId,
                        "assessmentId",
                        assessmentId,
                        "adverseEventId",
                        adverseEventId,
                        "code",
                        "BL23",
                        // Only outcomes' service token reaches the pseudonym lookup: any pseudonym shows the refusal.
                        "pseudonymId",
                        UUID.randomUUID().toString()));
    }

    @Override
    protected String anotherPatientOf(Tenant tenant) {
        return Fixtures.patient(tenant.clinicId().toString());
    }

    @Override
    protected String patientToken(UUID clinicId, String patient) {
        return TestTokens.patient(clinicId, UUID.fromString(patient));
    }
}
