package org.meridian.intake.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.platform.security.Roles;
import org.meridian.platform.test.security.TestTokens;

/**
 * One rule decides who is a patient, on REST and FHIR alike: the patient role without a clinic staff role. A token
 * that also holds a staff role (a practitioner treated at their own clinic) acts as staff of its clinic everywhere;
 * a patient-only token sees only its own patient everywhere.
 */
@QuarkusTest
class PatientOnlyRuleTest {

    @Test
    void aTokenWithThePatientAndAStaffRoleActsAsStaffOnRestAndFhir() {
        String clinic = Fixtures.clinic();
        String self = Fixtures.patient(clinic);
        String neighbour = Fixtures.patient(clinic);
        for (String staffRole : List.of(Roles.PRACTITIONER, Roles.CLINIC_ADMIN)) {
            // Signed in on a staff client (user/ scopes); on the patients' app (patient/ scopes, launch/patient) the
            // same person's FHIR reach is their own record: see below.
            String token = TestTokens.claims(Roles.PATIENT)
                    .groups(Set.of(Roles.PATIENT, staffRole))
                    .claim("clinic_id", clinic)
                    .claim("patient_id", self)
                    .claim("scope", TestTokens.USER_SCOPES)
                    .sign();

            given().auth()
                    .oauth2(token)
                    .when()
                    .get(Fixtures.patientPath(clinic, neighbour))
                    .then()
                    .statusCode(200);
            given().auth()
                    .oauth2(token)
                    .accept("application/fhir+json")
                    .when()
                    .get("/fhir/r4/Patient/" + neighbour)
                    .then()
                    .statusCode(200);
            assertThat(restPatientIds(token, clinic))
                    .as("REST, patient + " + staffRole)
                    .containsExactlyInAnyOrder(self, neighbour);
            assertThat(fhirPatientIds(token))
                    .as("FHIR, patient + " + staffRole)
                    .containsExactlyInAnyOrder(self, neighbour);

            String onThePatientsApp = TestTokens.claims(Roles.PATIENT)
                    .groups(Set.of(Roles.PATIENT, staffRole))
                    .claim("clinic_id", clinic)
                    .claim("patient_id", self)
                    .claim("patient", self)
                    .claim("scope", TestTokens.PATIENT_SCOPES + " launch/patient")
                    .sign();
            assertThat(fhirPatientIds(onThePatientsApp))
                    .as("FHIR with patient/ scopes, patient + " + staffRole)
                    .containsExactly(self);
        }
    }

    @Test
    void aPatientOnlyTokenSeesOnlyItsOwnPatientOnRestAndFhir() {
        String clinic = Fixtures.clinic();
        String self = Fixtures.patient(clinic);
        String neighbour = Fixtures.patient(clinic);
        String token = TestTokens.patient(UUID.fromString(clinic), UUID.fromString(self));

        given().auth()
                .oauth2(token)
                .when()
                .get(Fixtures.patientPath(clinic, self))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .when()
                .get(Fixtures.patientPath(clinic, neighbour))
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .accept("application/fhir+json")
                .when()
                .get("/fhir/r4/Patient/" + neighbour)
                .then()
                .statusCode(404);
        assertThat(fhirPatientIds(token)).containsExactly(self);
    }

    private static List<String> restPatientIds(String token, String clinic) {
        return given().auth()
                .oauth2(token)
                .when()
                .get(Fixtures.API + "/clinics/" + clinic + "/patients")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id", String.class);
    }

    private static List<String> fhirPatientIds(String token) {
        List<String> ids = given().auth()
                .oauth2(token)
                .accept("application/fhir+json")
                .when()
                .get("/fhir/r4/Patient")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entry.resource.id", String.class);
        return ids == null ? List.of() : ids;
    }
}
