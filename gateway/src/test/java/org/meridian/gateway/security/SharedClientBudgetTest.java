package org.meridian.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;
import org.meridian.platform.test.security.TestTokens;

/**
 * Found by an outside audit: one user's flood drained the budget of the client (a mobile app) that all its users
 * share, so other users of the same app got 429. Small limits here so that the budgets can be exhausted quickly;
 * they refill over a minute (a token every 20 s for a user, 15 s for a client), much longer than this test takes.
 */
@QuarkusTest
@TestProfile(SharedClientBudgetTest.SmallBudgets.class)
class SharedClientBudgetTest {

    static final int USER_PER_MINUTE = 3;
    static final int CLIENT_PER_MINUTE = 4;

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    FakeUpstreams.class,
                    Map.of(
                            "meridian.gateway.rate-limit.user-per-minute", Integer.toString(USER_PER_MINUTE),
                            "meridian.gateway.rate-limit.client-per-minute", Integer.toString(CLIENT_PER_MINUTE))));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static int call(String token) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void aThrottledUserDoesNotSpendTheBudgetOfTheClientItSharesAndARefusalByTheClientCostsTheUserNothing() {
        String flooder = TestTokens.user("flooder").claim("azp", "mobile-app").sign();
        String neighbour =
                TestTokens.user("neighbour").claim("azp", "mobile-app").sign();
        String neighbourOnTheEhr =
                TestTokens.user("neighbour").claim("azp", "ehr-app").sign();

        for (int i = 0; i < USER_PER_MINUTE; i++) {
            assertThat(call(flooder)).as("flooder call %d", i + 1).isEqualTo(200);
        }
        for (int i = 0; i < 20; i++) {
            assertThat(call(flooder)).as("flooder over its limit").isEqualTo(429);
        }
        // the client has spent only the flooder's 3 allowed calls: 1 remains for everyone else using the app
        int clientLeft = CLIENT_PER_MINUTE - USER_PER_MINUTE;
        for (int i = 0; i < clientLeft; i++) {
            assertThat(call(neighbour)).as("neighbour call %d", i + 1).isEqualTo(200);
        }
        given().auth()
                .oauth2(neighbour)
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(429)
                .body("detail", containsString("client mobile-app"));
        // the refused call did not cost the neighbour one of its own: 3 - 1 = 2 remain, from another client
        for (int i = 0; i < USER_PER_MINUTE - clientLeft; i++) {
            assertThat(call(neighbourOnTheEhr))
                    .as("neighbour via the EHR, call %d", i + 1)
                    .isEqualTo(200);
        }
        given().auth()
                .oauth2(neighbourOnTheEhr)
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(429)
                .body("detail", containsString("this user"));
    }

    /** Found writing the contract's rate-limit declarations: a call without a valid token was never counted. */
    @Test
    void callsWithoutAValidTokenAreCountedAgainstTheirAddressAndSayHowManyAreLeft() {
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 3 * CLIENT_PER_MINUTE; i++) {
            answers.add(given().auth().oauth2("not-a-token").when().get("/api/v1/intake/clinics"));
        }
        assertThat(answers).extracting(Response::statusCode).contains(401).endsWith(429);
        for (Response answer : answers) {
            assertThat(answer.header("RateLimit-Limit")).isEqualTo(Integer.toString(CLIENT_PER_MINUTE));
            assertThat(Integer.parseInt(answer.header("RateLimit-Remaining"))).isBetween(0, CLIENT_PER_MINUTE - 1);
            assertThat(Integer.parseInt(answer.header("RateLimit-Reset"))).isBetween(0, 60);
        }
        Response refused = answers.get(answers.size() - 1);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
    }
}
