package org.meridian.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.TestTokens;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class GatewayRoutingTest {

    @Test
    void forwardsMethodPathQueryHeadersBodyAndStatus() {
        String body = "{\"name\":\"Harbour\"}";
        given().header("Authorization", TestTokens.bearer()).contentType(ContentType.JSON).header("X-Custom", "kept")
                .body(body)
                .when().put("/api/v1/intake/clinics/42/teapot?page=2&size=5")
                .then().statusCode(418)
                .header("X-Upstream", "intake")
                .body("method", equalTo("PUT"))
                .body("uri", equalTo("/api/v1/intake/clinics/42/teapot?page=2&size=5"))
                .body("custom", equalTo("kept"))
                .body("bodyLength", equalTo(body.length()));
    }

    @Test
    void streamsALargeBodyThroughUnchanged() {
        char[] payload = new char[4 * 1024 * 1024];
        Arrays.fill(payload, 'x');
        String body = new String(payload);
        given().header("Authorization", TestTokens.bearer()).contentType(ContentType.TEXT).body(body)
                .when().post("/api/v1/intake/uploads")
                .then().statusCode(200)
                .body("bodyLength", equalTo(body.length()))
                .body("bodySha", equalTo(Integer.toHexString(body.hashCode())));
    }

    @Test
    void addsARequestIdWhenTheCallerHasNone() {
        String id = given().header("Authorization", TestTokens.bearer()).when().get("/api/v1/intake/clinics")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().header("Authorization", TestTokens.bearer()).when().get("/api/v1/intake/clinics")
                .then().body("requestId", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Request-Id", org.hamcrest.Matchers.not(equalTo(id)));
    }

    @Test
    void passesTheCallersRequestIdOnAndBack() {
        given().header("Authorization", TestTokens.bearer()).header("X-Request-Id", "app-7f3a")
                .when().get("/api/v1/intake/clinics")
                .then().statusCode(200)
                .header("X-Request-Id", "app-7f3a")
                .body("requestId", equalTo("app-7f3a"));
    }

    @Test
    void tellsTheServiceItsPublicHostAndScheme() {
        given().header("Authorization", TestTokens.bearer()).when().get("/api/v1/intake/clinics")
                .then().statusCode(200)
                .body("forwardedHost", notNullValue())
                .body("forwardedProto", equalTo("http"));
    }

    @Test
    void answers502ProblemWhenTheServiceIsDown() {
        given().header("Authorization", TestTokens.bearer()).header("X-Request-Id", "down-1")
                .when().get("/api/v1/outcomes/instruments")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(502))
                .body("type", equalTo("urn:meridian:problem:upstream-unavailable"))
                .body("detail", containsString("outcomes"))
                .body("requestId", equalTo("down-1"));
    }

    @Test
    void answers504ProblemWhenTheServiceIsTooSlow() {
        given().header("Authorization", TestTokens.bearer()).when().get("/api/v1/intake/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("type", equalTo("urn:meridian:problem:upstream-timeout"));
    }

    @Test
    void servesItsOwnHealth() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void routesFhirResourceTypesToTheServiceThatOwnsThem() {
        given().header("Authorization", TestTokens.bearer())
                .when().get("/fhir/r4/Patient?identifier=mrn|123")
                .then().statusCode(200)
                .body("uri", equalTo("/fhir/r4/Patient?identifier=mrn%7C123"));
        given().header("Authorization", TestTokens.bearer())
                .when().get("/fhir/r4/Procedure/42")
                .then().statusCode(200)
                .body("uri", equalTo("/fhir/r4/Procedure/42"));
    }

    @Test
    void answersFhirFailuresWithOperationOutcome() {
        given().header("Authorization", TestTokens.bearer())
                .when().get("/fhir/r4/Observation?patient=1")
                .then().statusCode(502)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("transient"));
        given().when().get("/fhir/r4/Patient")
                .then().statusCode(401)
                .contentType("application/fhir+json")
                .body("issue[0].code", equalTo("login"));
    }
}
