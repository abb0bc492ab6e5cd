package org.meridian.outcomes.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.meridian.platform.test.fhir.ScopeRefusals.assertRefusedForScope;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.TenantFixture;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.TestTokens;

/**
 * SMART on FHIR scopes on outcomes' FHIR interactions. A launch context names intake's Patient id; outcomes asks
 * intake for that patient's pseudonym (the fake intake answers the event contract's PatientLink).
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class SmartScopeTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @Inject
    IntakeFeedConsumer consumer;

    private static TenantFixture patient;
    private static TenantFixture neighbour;
    private static UUID patientIntakeId;

    @BeforeEach
    void patientsOfOneClinic() {
        if (patient == null) {
            patient = TenantFixture.create(UUID.randomUUID(), consumer::poll);
            neighbour = TenantFixture.create(patient.clinicId(), consumer::poll);
            patientIntakeId = UUID.randomUUID();
            IntakeScript.patientLink(patient.clinicId(), patientIntakeId, patient.pseudonymId());
        }
    }

    private static ValidatableResponse get(String token, String path) {
        return given().auth()
                .oauth2(token)
                .accept(FHIR_JSON)
                .when()
                .get("/fhir/r4/" + path)
                .then();
    }

    private static String pseudonymSearch(TenantFixture tenant) {
        return "patient:identifier=" + MeridianFhir.PSEUDONYM_SYSTEM + "|" + tenant.pseudonymId();
    }

    @Test
    void aScopeGrantsOnlyItsTypeAndInteractions() {
        String token = TestTokens.practitionerWithScope(patient.clinicId(), "openid user/Observation.rs");
        get(token, "Observation?" + pseudonymSearch(neighbour)).statusCode(200);
        assertRefusedForScope(get(token, "QuestionnaireResponse/" + patient.assessmentId()), "QuestionnaireResponse.r");
        assertRefusedForScope(get(token, "Questionnaire"), "Questionnaire.s");
        assertRefusedForScope(
                given().auth()
                        .oauth2(token)
                        .contentType(FHIR_JSON)
                        .body("{\"resourceType\": \"QuestionnaireResponse\"}")
                        .when()
                        .post("/fhir/r4/QuestionnaireResponse")
                        .then(),
                "QuestionnaireResponse.c");
    }

    @Test
    void theCatalogueNeedsAScopeForQuestionnaireToo() {
        String token = TestTokens.practitionerWithScope(patient.clinicId(), "patient/Questionnaire.rs");
        get(token, "Questionnaire").statusCode(200);
    }

    @Test
    void patientScopesReachOnlyThePatientInLaunchContext() {
        String token =
                TestTokens.practitionerInLaunch(patient.clinicId(), patientIntakeId, "openid launch patient/*.rs");
        get(token, "Observation")
                .statusCode(200)
                .body("total", equalTo(1))
                .body(
                        "entry.resource.subject.identifier.value",
                        everyItem(equalTo(patient.pseudonymId().toString())));
        get(token, "Observation?" + pseudonymSearch(neighbour)).statusCode(200).body("total", equalTo(0));
        get(token, "QuestionnaireResponse/" + patient.assessmentId()).statusCode(200);
        get(token, "QuestionnaireResponse/" + neighbour.assessmentId()).statusCode(404);
    }

    @Test
    void aLaunchContextIntakeDoesNotKnowInTheClinicFindsNothing() {
        String token = TestTokens.practitionerInLaunch(patient.clinicId(), UUID.randomUUID(), "patient/*.rs");
        get(token, "Observation").statusCode(200).body("total", equalTo(0));
        get(token, "QuestionnaireResponse/" + patient.assessmentId()).statusCode(404);
    }

    @Test
    void patientScopesWithoutAPatientInContextGetNothing() {
        String token = TestTokens.practitionerWithScope(patient.clinicId(), "patient/*.rs");
        get(token, "Observation").statusCode(403).body("issue[0].diagnostics", containsString("no patient in context"));
    }

    @Test
    void whenIntakeCannotBeAskedTheAnswerIs503() {
        String token = TestTokens.practitionerInLaunch(patient.clinicId(), UUID.randomUUID(), "patient/*.rs");
        IntakeScript.intakeDown();
        try {
            get(token, "Observation").statusCode(503).body("resourceType", equalTo("OperationOutcome"));
        } finally {
            IntakeScript.intakeUp();
        }
    }
}
