package org.meridian.intake.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.meridian.platform.test.fhir.ScopeRefusals.assertRefusedForScope;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.intake.TenantFixture;
import org.meridian.platform.test.security.TestTokens;

/**
 * SMART on FHIR scopes on intake's FHIR interactions: a scope must grant the interaction on the type, scopes only
 * narrow what the role allows, and patient-level scopes reach only the patient in launch context.
 */
@QuarkusTest
class SmartScopeTest {

    private static final String FHIR_JSON = "application/fhir+json";

    private static TenantFixture patient;
    private static TenantFixture neighbour;

    /** Two patients of one clinic, made once (the application is not up yet when a static @BeforeAll runs). */
    @BeforeEach
    void patientsOfOneClinic() {
        if (patient == null) {
            patient = TenantFixture.create();
            neighbour = TenantFixture.create(patient.clinicId(), patient.practitionerId());
        }
    }

    private static UUID clinic() {
        return UUID.fromString(patient.clinicId());
    }

    private static ValidatableResponse get(String token, String path) {
        return given().auth()
                .oauth2(token)
                .accept(FHIR_JSON)
                .when()
                .get("/fhir/r4/" + path)
                .then();
    }

    @Test
    void aTokenWithoutResourceScopesGetsNoFhirData() {
        String token = TestTokens.practitionerWithScope(clinic(), "openid profile launch/patient");
        assertRefusedForScope(get(token, "Patient/" + patient.patientId()), "user/Patient.r");
        assertRefusedForScope(get(token, "Patient"), "user/Patient.s");
        assertRefusedForScope(get(token, "Condition"), "user/Condition.s");
    }

    @Test
    void aScopeGrantsOnlyItsTypeAndInteractions() {
        String token = TestTokens.practitionerWithScope(clinic(), "openid user/Patient.r user/Procedure.s");
        get(token, "Patient/" + patient.patientId()).statusCode(200).body("id", equalTo(patient.patientId()));
        assertRefusedForScope(get(token, "Patient?_id=" + patient.patientId()), "Patient.s");
        get(token, "Procedure?patient=Patient/" + patient.patientId())
                .statusCode(200)
                .body("total", equalTo(1));
        assertRefusedForScope(get(token, "Procedure/" + patient.sessionId()), "Procedure.r");
        assertRefusedForScope(get(token, "AdverseEvent/" + patient.adverseEventId()), "AdverseEvent.r");
        assertRefusedForScope(
                given().auth()
                        .oauth2(token)
                        .contentType(FHIR_JSON)
                        .body(patientResource("MRN-" + UUID.randomUUID()))
                        .when()
                        .post("/fhir/r4/Patient")
                        .then(),
                "Patient.c");
    }

    @Test
    void v1ScopesAreHonoured() {
        String reader = TestTokens.practitionerWithScope(clinic(), "user/Patient.read");
        get(reader, "Patient/" + patient.patientId()).statusCode(200);
        get(reader, "Patient?_id=" + patient.patientId()).statusCode(200).body("total", equalTo(1));
        String writer = TestTokens.practitionerWithScope(clinic(), "user/*.write");
        given().auth()
                .oauth2(writer)
                .contentType(FHIR_JSON)
                .body(patientResource("MRN-" + UUID.randomUUID()))
                .when()
                .post("/fhir/r4/Patient")
                .then()
                .statusCode(201);
        assertRefusedForScope(get(writer, "Patient/" + patient.patientId()), "Patient.r");
    }

    @Test
    void aScopeNarrowedByAQueryGrantsNothing() {
        String token = TestTokens.practitionerWithScope(clinic(), "user/Patient.rs?identifier=x");
        assertRefusedForScope(get(token, "Patient/" + patient.patientId()), "Patient.r");
    }

    @Test
    void scopesNeverWidenTheRole() {
        // A researcher holding every scope still may not read patients: the role decides first.
        String token = TestTokens.claims("researcher")
                .claim("clinic_id", patient.clinicId())
                .claim("scope", "user/*.cruds system/*.cruds")
                .sign();
        get(token, "Patient/" + patient.patientId()).statusCode(403);
    }

    @Test
    void patientScopesReachOnlyThePatientInLaunchContext() {
        UUID inContext = UUID.fromString(patient.patientId());
        String token = TestTokens.practitionerInLaunch(clinic(), inContext, "openid launch patient/*.rs");
        get(token, "Patient/" + patient.patientId()).statusCode(200);
        get(token, "Patient/" + neighbour.patientId()).statusCode(404);
        get(token, "Patient")
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(patient.patientId()));
        get(token, "Patient?_id=" + neighbour.patientId()).statusCode(200).body("total", equalTo(0));
        get(token, "Procedure")
                .statusCode(200)
                .body("entry.resource.subject.reference", equalTo(List.of("Patient/" + patient.patientId())));
        get(token, "Procedure/" + neighbour.sessionId()).statusCode(404);
        get(token, "AdverseEvent/" + neighbour.adverseEventId()).statusCode(404);
        get(token, "Condition?patient=Patient/" + neighbour.patientId())
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aPatientLevelScopeRegistersNoPatient() {
        String token =
                TestTokens.practitionerInLaunch(clinic(), UUID.fromString(patient.patientId()), "patient/*.cruds");
        given().auth()
                .oauth2(token)
                .contentType(FHIR_JSON)
                .body(patientResource("MRN-" + UUID.randomUUID()))
                .when()
                .post("/fhir/r4/Patient")
                .then()
                .statusCode(403)
                .body("issue[0].diagnostics", containsString("user/Patient.c"));
    }

    @Test
    void aUserScopeNextToPatientScopesReachesTheWholeClinic() {
        String token = TestTokens.practitionerInLaunch(
                clinic(), UUID.fromString(patient.patientId()), "patient/Patient.rs user/Procedure.rs");
        get(token, "Procedure/" + neighbour.sessionId()).statusCode(200);
        get(token, "Patient/" + neighbour.patientId()).statusCode(404);
    }

    @Test
    void patientScopesWithoutAPatientInContextGetNothing() {
        String token = TestTokens.practitionerWithScope(clinic(), "openid patient/*.rs");
        get(token, "Patient/" + patient.patientId())
                .statusCode(403)
                .body("issue[0].diagnostics", containsString("no patient in context"));
    }

    @Test
    void aLaunchContextInAnotherClinicFindsNothing() {
        TenantFixture elsewhere = TenantFixture.create();
        String token =
                TestTokens.practitionerInLaunch(clinic(), UUID.fromString(elsewhere.patientId()), "patient/*.rs");
        get(token, "Patient/" + elsewhere.patientId()).statusCode(404);
        get(token, "Patient").statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aPatientsOwnAppSeesOnlyTheirRecordWhateverTheScope() {
        String token = TestTokens.claims("patient")
                .claim("clinic_id", patient.clinicId())
                .claim("patient_id", patient.patientId())
                .claim("patient", neighbour.patientId()) // a launch context never moves a patient to someone else
                .claim("scope", "patient/*.rs")
                .sign();
        get(token, "Patient")
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(patient.patientId()));
        get(token, "Patient/" + neighbour.patientId()).statusCode(404);
        String narrow = TestTokens.claims("patient")
                .claim("clinic_id", patient.clinicId())
                .claim("patient_id", patient.patientId())
                .claim("scope", "patient/Patient.r")
                .sign();
        assertRefusedForScope(get(narrow, "Condition"), "Condition.s");
    }

    @Test
    void theCapabilityStatementNeedsNoScope() {
        given().accept(FHIR_JSON).when().get("/fhir/r4/metadata").then().statusCode(200);
        String token = TestTokens.practitionerWithScope(clinic(), "openid");
        assertThat(get(token, "metadata").extract().statusCode()).isEqualTo(200);
    }

    private static String patientResource(String mrn) {
        return FhirResourceTest.patientJson("Scope", "1980-04-02", mrn);
    }
}
