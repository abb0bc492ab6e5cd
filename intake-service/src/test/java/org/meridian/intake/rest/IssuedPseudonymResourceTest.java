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

/** Whether intake issued a pseudonym in a clinic, for outcomes-service: the contract's IssuedPseudonym. */
@QuarkusTest
class IssuedPseudonymResourceTest {

    private static RequestSpecification asOutcomes() {
        return given().auth().oauth2(TestTokens.service());
    }

    private static String path(String clinicId, String pseudonymId) {
        return "/internal/v1/intake/clinics/" + clinicId + "/pseudonyms/" + pseudonymId;
    }

    @Test
    void answersAnIssuedPseudonymAsTheContractSays() throws Exception {
        TenantFixture tenant = TenantFixture.create();
        String body = asOutcomes()
                .when()
                .get(path(tenant.clinicId(), tenant.pseudonymId()))
                .then()
                .statusCode(200)
                .body("clinicId", equalTo(tenant.clinicId()))
                .body("pseudonymId", equalTo(tenant.pseudonymId()))
                .extract()
                .asString();
        JsonNode issued = new ObjectMapper().readTree(body);
        assertThat(EventContract.get().violations(EventContract.ISSUED_PSEUDONYM, issued))
                .isEmpty();
    }

    @Test
    void aPseudonymOfAnotherClinicIsAnsweredLikeOneNeverIssued() {
        TenantFixture tenant = TenantFixture.create();
        TenantFixture elsewhere = TenantFixture.create();
        for (String pseudonymId :
                new String[] {elsewhere.pseudonymId(), UUID.randomUUID().toString(), tenant.patientId()}) {
            asOutcomes()
                    .when()
                    .get(path(tenant.clinicId(), pseudonymId))
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:meridian:problem:not-found"))
                    .body("detail", equalTo("No patient with id " + pseudonymId));
        }
    }

    @Test
    void needsTheServiceToken() {
        TenantFixture tenant = TenantFixture.create();
        given().auth()
                .oauth2(TestTokens.staff(UUID.fromString(tenant.clinicId())))
                .when()
                .get(path(tenant.clinicId(), tenant.pseudonymId()))
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().when()
                .get(path(tenant.clinicId(), tenant.pseudonymId()))
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
