package org.meridian.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

/**
 * MERIDIAN_INTAKE_URL naming several replicas: requests go round-robin over them, and a replica that refuses the
 * connection (here a closed port between two live ones) is skipped for the next, for reads and writes alike. With every
 * replica refusing, the caller gets the usual 502.
 */
@QuarkusTest
@TestProfile(SeveralReplicasTest.ThreeIntakes.class)
class SeveralReplicasTest {

    public static class ThreeIntakes implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Replicas.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** Two live intake replicas answering with their name and the body they received, and a dead one between them. */
    public static class Replicas implements QuarkusTestResourceLifecycleManager {
        private Vertx vertx;

        @Override
        public Map<String, String> start() {
            vertx = Vertx.vertx();
            int first = replica("replica-a");
            int second = replica("replica-b");
            Map<String, String> config = new HashMap<>();
            config.put(
                    "meridian.intake.url",
                    "http://127.0.0.1:" + first + ",http://127.0.0.1:" + FakeUpstreams.closedPort()
                            + ",http://127.0.0.1:" + second);
            config.put(
                    "meridian.outcomes.url",
                    "http://127.0.0.1:" + FakeUpstreams.closedPort() + ",http://127.0.0.1:"
                            + FakeUpstreams.closedPort());
            config.put("meridian.gateway.timeout", "2s");
            return config;
        }

        private int replica(String name) {
            try {
                return vertx.createHttpServer()
                        .requestHandler(request -> request.body()
                                .onSuccess(body -> request.response()
                                        .putHeader("Content-Type", "application/json")
                                        .end(new JsonObject()
                                                .put("replica", name)
                                                .put("bodyLength", body.length())
                                                .encode())))
                        .listen(0, "127.0.0.1")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS)
                        .actualPort();
            } catch (Exception e) {
                throw new IllegalStateException("replica did not start", e);
            }
        }

        @Override
        public void stop() {
            if (vertx != null) {
                vertx.close();
            }
        }
    }

    private final String token = TestTokens.user("replicas").sign();

    @Test
    void spreadsRequestsOverTheLiveReplicasAndSkipsTheOneThatRefuses() {
        Map<String, Integer> served = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            Response response = given().auth().oauth2(token).when().get("/api/v1/intake/clinics");
            assertThat(response.statusCode()).as("call %d", i + 1).isEqualTo(200);
            served.merge(response.jsonPath().getString("replica"), 1, Integer::sum);
        }
        assertThat(served.keySet()).containsExactlyInAnyOrder("replica-a", "replica-b");
        // three origins in turn, the dead one's turns taken by the replica after it
        assertThat(served.get("replica-a")).isEqualTo(4);
        assertThat(served.get("replica-b")).isEqualTo(8);
    }

    @Test
    void failsOverAWriteWithItsWholeBody() {
        String body = "{\"answers\":\"" + "x".repeat(50_000) + "\"}";
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(body)
                    .when()
                    .post("/api/v1/intake/clinics")
                    .then()
                    .statusCode(200)
                    .body("bodyLength", org.hamcrest.Matchers.equalTo(body.length()));
        }
    }

    @Test
    void answers502WhenEveryReplicaRefuses() {
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/outcomes/clinics")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
