package org.meridian.intake.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

/** The event feed answers only to services presenting the service credential; a user's token is not one. */
@QuarkusTest
class InternalEndpointTest {

    private static final String FEED = "/internal/v1/intake/events";

    @Test
    void servesTheFeedToAServiceWithTheCredential() {
        given().header("X-Service-Token", TestTokens.INTERNAL_TOKEN)
                .when()
                .get(FEED)
                .then()
                .statusCode(200);
    }

    @Test
    void refusesAWrongServiceCredential() {
        given().header("X-Service-Token", "guess")
                .when()
                .get(FEED)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:unauthenticated"));
    }

    @Test
    void refusesAUsersTokenEvenAnAdmins() {
        given().header("X-Service-Token", "")
                .auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(FEED)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
