package org.meridian.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class FhirCapabilityRouteTest {

    @Test
    void servesTheWholeServersStatementWithItsPublicBaseWithoutAToken() {
        given().accept("application/fhir+json")
                .when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("id", equalTo("meridian"))
                .body("url", equalTo(FhirCapabilityRoute.CANONICAL_URL))
                .body("implementation.url", startsWith("http://localhost:"))
                .body("implementation.url", endsWith("/fhir/r4"));
    }

    @Test
    void withTheLocalKeyThereIsNoSmartConfiguration() {
        given().when()
                .get("/fhir/r4/.well-known/smart-configuration")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("MERIDIAN_SMART_AUTHORIZATION_SERVER"));
        given().accept("application/fhir+json")
                .when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .body("rest[0].security.extension", nullValue());
    }
}
