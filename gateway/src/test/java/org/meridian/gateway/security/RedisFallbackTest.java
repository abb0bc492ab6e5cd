package org.meridian.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;
import org.meridian.platform.test.metrics.Scrape;
import org.meridian.platform.test.security.TestTokens;

/**
 * Redis unreachable (a closed port): the gateway keeps serving and keeps limiting, each replica with its own buckets,
 * and counts every decision it took alone.
 */
@QuarkusTest
@TestProfile(RedisFallbackTest.RedisDown.class)
class RedisFallbackTest {

    static final int USER_PER_MINUTE = 3;

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    FakeUpstreams.class,
                    Map.of(
                            "meridian.redis.url",
                            "redis://127.0.0.1:" + FakeUpstreams.closedPort(),
                            "meridian.gateway.rate-limit.user-per-minute",
                            Integer.toString(USER_PER_MINUTE))));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void limitsPerReplicaWhileRedisIsUnreachable() {
        String token = TestTokens.user("fallback-" + UUID.randomUUID()).sign();
        double before = Scrape.of(metrics).value("meridian_gateway_rate_limit_fallbacks_total", Map.of());
        for (int i = 0; i < USER_PER_MINUTE; i++) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get("/api/v1/intake/clinics")
                    .then()
                    .statusCode(200)
                    .header(RateLimitHandler.REMAINING_HEADER, Integer.toString(USER_PER_MINUTE - 1 - i));
        }
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // a user's bucket and its client's for each call, the refused one's user bucket only
        assertThat(Scrape.of(metrics).value("meridian_gateway_rate_limit_fallbacks_total", Map.of()) - before)
                .isEqualTo(2 * USER_PER_MINUTE + 1);
    }
}
