package org.meridian.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;
import org.meridian.platform.test.metrics.Scrape;
import org.meridian.platform.test.security.TestTokens;

/**
 * With MERIDIAN_REDIS_URL the gateway spends its callers' budgets in Redis (the machine's, 127.0.0.1:6379), so a second
 * gateway, here a second set of buckets with its own connection, spends the same ones. Keys carry a prefix unique to
 * this run.
 */
@QuarkusTest
@TestProfile(SharedRateLimitTest.SharedThroughRedis.class)
class SharedRateLimitTest {

    static final int USER_PER_MINUTE = 6;
    static final String REDIS_URL = "redis://127.0.0.1:6379/0";
    static final String PREFIX = "meridian-test:" + UUID.randomUUID() + ":";

    public static class SharedThroughRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    FakeUpstreams.class,
                    Map.of(
                            "meridian.redis.url", REDIS_URL,
                            "meridian.gateway.rate-limit.redis-key-prefix", PREFIX,
                            "meridian.gateway.rate-limit.user-per-minute", Integer.toString(USER_PER_MINUTE))));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private static Response call(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/intake/clinics");
    }

    @Test
    void aSecondGatewaySpendsTheSameBudgetOfAUser() throws Exception {
        String user = "shared-" + UUID.randomUUID();
        String token = TestTokens.user(user).sign();
        double fallbacksBefore = Scrape.of(metrics).value("meridian_gateway_rate_limit_fallbacks_total", Map.of());
        try (RedisTokenBuckets otherGateway = new RedisTokenBuckets(
                REDIS_URL, PREFIX, Duration.ofSeconds(2), Duration.ofSeconds(5), new SimpleMeterRegistry())) {
            call(token).then().statusCode(200).header(RateLimitHandler.REMAINING_HEADER, "5");
            for (int i = 0; i < 2; i++) {
                assertThat(granted(otherGateway, "user:" + user)).isTrue();
            }
            // 6 - 1 - 2: three calls left here, then the budget both spent is gone
            call(token).then().statusCode(200).header(RateLimitHandler.REMAINING_HEADER, "2");
            call(token).then().statusCode(200).header(RateLimitHandler.REMAINING_HEADER, "1");
            call(token).then().statusCode(200).header(RateLimitHandler.REMAINING_HEADER, "0");
            call(token)
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header(RateLimitHandler.LIMIT_HEADER, Integer.toString(USER_PER_MINUTE))
                    .header(RateLimitHandler.REMAINING_HEADER, "0");
            assertThat(granted(otherGateway, "user:" + user))
                    .as("the other gateway sees the budget spent too")
                    .isFalse();
        }
        assertThat(Scrape.of(metrics).value("meridian_gateway_rate_limit_fallbacks_total", Map.of()))
                .as("every decision was Redis'")
                .isEqualTo(fallbacksBefore);
    }

    private static boolean granted(TokenBuckets buckets, String key) throws Exception {
        return buckets.take(key, USER_PER_MINUTE)
                .toCompletableFuture()
                .get()
                .probe()
                .isConsumed();
    }

    @Test
    void twoGatewaysTakingAtOnceGrantExactlyTheBudget() throws Exception {
        String key = "client:race-" + UUID.randomUUID();
        int budget = 50;
        try (RedisTokenBuckets first = new RedisTokenBuckets(
                        REDIS_URL, PREFIX, Duration.ofSeconds(2), Duration.ofSeconds(5), new SimpleMeterRegistry());
                RedisTokenBuckets second = new RedisTokenBuckets(
                        REDIS_URL, PREFIX, Duration.ofSeconds(2), Duration.ofSeconds(5), new SimpleMeterRegistry())) {
            long started = System.nanoTime();
            List<java.util.concurrent.CompletableFuture<TokenBuckets.Taken>> takes = new java.util.ArrayList<>();
            for (int i = 0; i < 2 * budget; i++) {
                takes.add(first.take(key, budget).toCompletableFuture());
                takes.add(second.take(key, budget).toCompletableFuture());
            }
            long granted = 0;
            for (var take : takes) {
                if (take.get().probe().isConsumed()) {
                    granted++;
                }
            }
            // the bucket refills budget tokens a minute: what refilled while the test ran may be granted too
            long refilled = (long) Math.ceil((System.nanoTime() - started) / 60e9 * budget);
            assertThat(granted).as("one budget for both, not one each").isBetween((long) budget, budget + refilled);
        }
    }
}
