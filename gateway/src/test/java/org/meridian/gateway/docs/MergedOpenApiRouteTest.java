package org.meridian.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class MergedOpenApiRouteTest {

    @Test
    void servesTheMergedSpecWithTheBearerSchemeAndSaysWhatIsMissing() {
        given().when()
                .get("/openapi")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("paths.'/api/v1/intake/clinics'", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("info.x-incomplete", notNullValue());
    }

    @Test
    void servesEachServicesOwnSpec() {
        given().when().get("/openapi/intake").then().statusCode(200).body("openapi", equalTo("3.1.0"));
        given().when().get("/openapi/outcomes").then().statusCode(502).contentType("application/problem+json");
        given().when().get("/openapi/billing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servesTheSwaggerUi() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void servesTheFhirCapabilityStatementWithoutAToken() {
        given().when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .body("rest[0].mode", equalTo("server"));
    }
}
