package org.meridian.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;
import org.meridian.platform.test.http.RawHttp;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class GatewayLimitsTest {

    @Test
    void answers429WithRetryAfterOnceAUserExceedsTheLimit() {
        String token = TestTokens.user("busy-user").sign();
        int limit = FakeUpstreams.USER_LIMIT_PER_MINUTE;
        // The bucket refills continuously (limit per minute), so a slow machine may earn a few more calls while the
        // loop runs: the bound is the capacity plus what could refill in the time taken, and a refusal must come.
        long started = System.nanoTime();
        int allowed = 0;
        Response limited = given().auth().oauth2(token).when().get("/api/v1/intake/clinics");
        while (limited.statusCode() == 200 && allowed <= 10 * limit) {
            allowed++;
            limited = given().auth().oauth2(token).when().get("/api/v1/intake/clinics");
        }
        double minutesTaken = (System.nanoTime() - started) / 60e9;
        assertThat(allowed)
                .isGreaterThanOrEqualTo(limit)
                .isLessThanOrEqualTo(limit + (int) Math.ceil(minutesTaken * limit));
        limited.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Limit", Integer.toString(limit))
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("urn:meridian:problem:rate-limited"));
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();

        given().auth()
                .oauth2(TestTokens.user("calm-user").sign())
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(200);
    }

    @Test
    void everyAnswerSaysWhereItsCallerStandsInTheRateLimitFields() {
        String token = TestTokens.user("counted-user").sign();
        Response first = given().auth().oauth2(token).when().get("/api/v1/intake/clinics");
        Response second = given().auth().oauth2(token).when().get("/api/v1/intake/clinics");

        for (Response answer : List.of(first, second)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.header("RateLimit-Limit"))
                    .isEqualTo(Integer.toString(FakeUpstreams.USER_LIMIT_PER_MINUTE));
            assertThat(Integer.parseInt(answer.header("RateLimit-Reset"))).isBetween(1, 60);
        }
        assertThat(Integer.parseInt(second.header("RateLimit-Remaining")))
                .isLessThan(Integer.parseInt(first.header("RateLimit-Remaining")))
                .isLessThan(FakeUpstreams.USER_LIMIT_PER_MINUTE);

        Response unauthenticated = given().when().get("/api/v1/intake/clinics");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.header("RateLimit-Limit")).isNotNull();
        assertThat(unauthenticated.header("RateLimit-Remaining")).isNotNull();
        assertThat(unauthenticated.header("RateLimit-Reset")).isNotNull();
    }

    @Test
    void rejectsABodyOverTheLimitWith413Problem() {
        char[] payload = new char[FakeUpstreams.MAX_BODY_BYTES + 1];
        Arrays.fill(payload, 'x');
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .contentType(ContentType.TEXT)
                .body(new String(payload))
                .when()
                .post("/api/v1/intake/uploads")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @TestHTTPResource("/")
    URL gateway;

    /** Found by an outside audit: a chunked body has no Content-Length, so the declared-size check let it through. */
    @Test
    void refusesAChunkedBodyOverTheLimitOnTheBytesReadAndTheServiceReceivesNothing() throws Exception {
        String path = "/api/v1/intake/uploads/" + UUID.randomUUID();
        RawHttp.Response answer = RawHttp.chunkedUpload(
                gateway.getPort(),
                "POST",
                path,
                Map.of(
                        "Authorization",
                        "Bearer " + TestTokens.practitioner(UUID.randomUUID()),
                        "Content-Type",
                        "application/json"),
                FakeUpstreams.MAX_BODY_BYTES + 2L * 1024 * 1024);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body())
                .contains("\"type\":\"urn:meridian:problem:payload-too-large\"")
                .contains(Integer.toString(FakeUpstreams.MAX_BODY_BYTES));
        List<String> received = given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get(FakeUpstreams.RECEIVED_PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$", String.class);
        assertThat(received).as("what the service received whole").doesNotContain(path);
    }

    @Test
    void refusesAChunkedFhirBodyOverTheLimitWithAnOperationOutcome() throws Exception {
        RawHttp.Response answer = RawHttp.chunkedUpload(
                gateway.getPort(),
                "POST",
                "/fhir/r4/Patient",
                Map.of(
                        "Authorization",
                        "Bearer " + TestTokens.practitioner(UUID.randomUUID()),
                        "Content-Type",
                        "application/fhir+json"),
                FakeUpstreams.MAX_BODY_BYTES + 1024L * 1024);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/fhir+json");
        assertThat(answer.body())
                .contains("\"resourceType\":\"OperationOutcome\"")
                .contains("\"code\":\"too-costly\"");
    }

    @Test
    void streamsAChunkedBodyUnderTheLimitThrough() throws Exception {
        String path = "/api/v1/intake/uploads/" + UUID.randomUUID();
        long size = FakeUpstreams.MAX_BODY_BYTES - 1024;
        RawHttp.Response answer = RawHttp.chunkedUpload(
                gateway.getPort(),
                "POST",
                path,
                Map.of(
                        "Authorization",
                        "Bearer " + TestTokens.practitioner(UUID.randomUUID()),
                        "Content-Type",
                        "application/json"),
                size);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"bodyLength\":" + size);
    }

    @Test
    void setsSecurityHeadersAndForbidsCaching() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
    }

    @Test
    void answersCorsPreflightForAConfiguredOrigin() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .when()
                .options("/api/v1/intake/clinics")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
    }
}
