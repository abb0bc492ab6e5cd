package org.meridian.outcomes.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.TenantFixture;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.security.Roles;
import org.meridian.platform.test.security.TestTokens;

/**
 * One rule decides who is a patient, on REST and FHIR alike: the patient role without a clinic staff role. A token
 * that also holds a staff role (a practitioner treated at their own clinic) acts as staff of its clinic everywhere;
 * a patient-only token sees only its own patient everywhere.
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class PatientOnlyRuleTest {

    private static final String PSEUDONYM_SYSTEM = "https://meridian.example/fhir/sid/pseudonym-id";

    @Inject
    IntakeFeedConsumer consumer;

    @Test
    void aTokenWithThePatientAndAStaffRoleActsAsStaffOnRestAndFhir() {
        UUID clinic = UUID.randomUUID();
        TenantFixture self = TenantFixture.create(clinic, consumer::poll);
        TenantFixture neighbour = TenantFixture.create(clinic, consumer::poll);
        for (String staffRole : List.of(Roles.PRACTITIONER, Roles.CLINIC_ADMIN)) {
            // Signed in on a staff client (user/ scopes); with the patients' app's patient/ scopes the same person
            // reaches only the patient in context (intake's SmartScopeTest and PatientOnlyRuleTest).
            String token = TestTokens.claims(Roles.PATIENT)
                    .groups(Set.of(Roles.PATIENT, staffRole))
                    .claim("clinic_id", clinic.toString())
                    .claim("pseudonym_id", self.pseudonymId().toString())
                    .claim("scope", TestTokens.USER_SCOPES)
                    .sign();

            assertThat(restAssessmentIds(token, clinic, neighbour.pseudonymId()))
                    .as("REST, patient + " + staffRole)
                    .containsExactly(neighbour.assessmentId());
            assertThat(fhirAssessmentIds(token, neighbour.pseudonymId()))
                    .as("FHIR, patient + " + staffRole)
                    .containsExactly(neighbour.assessmentId());
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(assessmentsPath(clinic, neighbour.pseudonymId()) + "/" + neighbour.assessmentId())
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(token)
                    .accept("application/fhir+json")
                    .when()
                    .get("/fhir/r4/QuestionnaireResponse/" + neighbour.assessmentId())
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aPatientOnlyTokenSeesOnlyItsOwnPatientOnRestAndFhir() {
        UUID clinic = UUID.randomUUID();
        TenantFixture self = TenantFixture.create(clinic, consumer::poll);
        TenantFixture neighbour = TenantFixture.create(clinic, consumer::poll);
        String token = TestTokens.pseudonymousPatient(clinic, self.pseudonymId());

        assertThat(restAssessmentIds(token, clinic, self.pseudonymId())).containsExactly(self.assessmentId());
        assertThat(fhirAssessmentIds(token, self.pseudonymId())).containsExactly(self.assessmentId());
        given().auth()
                .oauth2(token)
                .when()
                .get(assessmentsPath(clinic, neighbour.pseudonymId()))
                .then()
                .statusCode(404);
        assertThat(fhirAssessmentIds(token, neighbour.pseudonymId())).isEmpty();
        given().auth()
                .oauth2(token)
                .accept("application/fhir+json")
                .when()
                .get("/fhir/r4/QuestionnaireResponse/" + neighbour.assessmentId())
                .then()
                .statusCode(404);
    }

    private static List<String> restAssessmentIds(String token, UUID clinic, UUID pseudonymId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(assessmentsPath(clinic, pseudonymId))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    private static List<String> fhirAssessmentIds(String token, UUID pseudonymId) {
        List<String> ids = given().auth()
                .oauth2(token)
                .accept("application/fhir+json")
                .queryParam("patient:identifier", PSEUDONYM_SYSTEM + "|" + pseudonymId)
                .when()
                .get("/fhir/r4/QuestionnaireResponse")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entry.resource.id", String.class);
        return ids == null ? List.of() : ids;
    }

    private static String assessmentsPath(UUID clinic, UUID pseudonymId) {
        return "/api/v1/outcomes/clinics/" + clinic + "/patients/" + pseudonymId + "/assessments";
    }
}
