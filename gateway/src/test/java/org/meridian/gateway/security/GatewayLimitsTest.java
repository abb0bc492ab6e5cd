package org.meridian.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.TestTokens;
import org.meridian.gateway.routing.FakeUpstreams;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class GatewayLimitsTest {

    @Test
    void answers429WithRetryAfterOnceAUserExceedsTheLimit() {
        String token = TestTokens.claims("busy-user").sign();
        int limit = FakeUpstreams.USER_LIMIT_PER_MINUTE;
        for (int i = 0; i < limit; i++) {
            given().auth().oauth2(token).when().get("/api/v1/intake/clinics").then().statusCode(200);
        }
        Response limited = given().auth().oauth2(token).when().get("/api/v1/intake/clinics");
        limited.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:meridian:problem:rate-limited"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();

        given().auth().oauth2(TestTokens.claims("calm-user").sign())
                .when().get("/api/v1/intake/clinics").then().statusCode(200);
    }

    @Test
    void rejectsABodyOverTheLimitWith413Problem() {
        char[] payload = new char[FakeUpstreams.MAX_BODY_BYTES + 1];
        Arrays.fill(payload, 'x');
        given().auth().oauth2(TestTokens.valid()).contentType(ContentType.TEXT).body(new String(payload))
                .when().post("/api/v1/intake/uploads")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void setsSecurityHeadersAndForbidsCaching() {
        given().auth().oauth2(TestTokens.valid()).when().get("/api/v1/intake/clinics")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
    }

    @Test
    void answersCorsPreflightForAConfiguredOrigin() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .when().options("/api/v1/intake/clinics")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }
}
