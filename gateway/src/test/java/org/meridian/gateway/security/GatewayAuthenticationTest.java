package org.meridian.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.net.URL;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class GatewayAuthenticationTest {

    private static final String API = "/api/v1/intake/clinics";

    @Test
    void rejectsACallWithoutATokenAs401Problem() {
        given().when()
                .get(API)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:meridian:problem:unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void rejectsABasicAuthorizationHeader() {
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .when()
                .get(API)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsAnExpiredToken() {
        String token = TestTokens.user("expired-user")
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
        given().auth()
                .oauth2(token)
                .when()
                .get(API)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"));
    }

    @Test
    void rejectsATokenSignedWithAnotherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey foreignKey = generator.generateKeyPair().getPrivate();
        String token = TestTokens.user("forger").sign(foreignKey);
        given().auth().oauth2(token).when().get(API).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        String token = Jwt.issuer(TestTokens.ISSUER)
                .audience("some-other-api")
                .subject("u1")
                .groups("practitioner")
                .expiresIn(300)
                .sign();
        given().auth().oauth2(token).when().get(API).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        String token = Jwt.issuer("https://evil.example")
                .audience(TestTokens.AUDIENCE)
                .subject("u1")
                .groups("practitioner")
                .expiresIn(300)
                .sign();
        given().auth().oauth2(token).when().get(API).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rejectsGarbageAsAToken() {
        given().auth()
                .oauth2("not.a.jwt")
                .when()
                .get(API)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void passesAValidTokenOnToTheService() {
        String token = TestTokens.practitioner(UUID.randomUUID());
        given().auth()
                .oauth2(token)
                .when()
                .get(API)
                .then()
                .statusCode(200)
                .body("authorization", equalTo("Bearer " + token));
    }

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @Test
    void leavesHealthOpenForProbes() {
        given().when().get(live).then().statusCode(200);
    }
}
