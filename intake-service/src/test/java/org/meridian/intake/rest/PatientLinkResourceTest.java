package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.events.EventContract;
import org.meridian.intake.TenantFixture;
import org.meridian.platform.test.security.TestTokens;

/** The pseudonym of a patient of a clinic, for outcomes-service: the contract's PatientLink, tenant by tenant. */
@QuarkusTest
class PatientLinkResourceTest {

    private static RequestSpecification asOutcomes() {
        return given().auth().oauth2(TestTokens.service());
    }

    private static String path(String clinicId, String patientId) {
        return "/internal/v1/intake/clinics/" + clinicId + "/patients/" + patientId + "/link";
    }

    @Test
    void answersThePatientsPseudonymAsTheContractSays() throws Exception {
        TenantFixture tenant = TenantFixture.create();
        String body = asOutcomes()
                .when()
                .get(path(tenant.clinicId(), tenant.patientId()))
                .then()
                .statusCode(200)
                .body("patientId", equalTo(tenant.patientId()))
                .body("clinicId", equalTo(tenant.clinicId()))
                .body("pseudonymId", equalTo(tenant.pseudonymId()))
                .extract()
                .asString();
        JsonNode link = new ObjectMapper().readTree(body);
        assertThat(EventContract.get().violations(EventContract.PATIENT_LINK, link))
                .isEmpty();
    }

    @Test
    void aPatientOfAnotherClinicIsAnsweredLikeAnUnknownOne() {
        TenantFixture tenant = TenantFixture.create();
        TenantFixture elsewhere = TenantFixture.create();
        for (String patientId :
                new String[] {elsewhere.patientId(), UUID.randomUUID().toString()}) {
            asOutcomes()
                    .when()
                    .get(path(tenant.clinicId(), patientId))
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("No patient with id " + patientId));
        }
    }

    @Test
    void needsTheServiceToken() {
        TenantFixture tenant = TenantFixture.create();
        given().auth()
                .oauth2(TestTokens.staff(UUID.fromString(tenant.clinicId())))
                .when()
                .get(path(tenant.clinicId(), tenant.patientId()))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().when()
                .get(path(tenant.clinicId(), tenant.patientId()))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
