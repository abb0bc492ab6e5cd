package org.meridian.intake.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

/**
 * The event feed answers only to a service token: a bearer JWT of the one issuer with audience meridian-intake and
 * role event-feed-reader (outcomes-service's client credentials). Such a token opens nothing of the public API.
 */
@QuarkusTest
class InternalEndpointTest {

    private static final String FEED = "/internal/v1/intake/events";

    @Test
    void servesTheFeedToOutcomesServiceToken() {
        given().auth()
                .oauth2(TestTokens.service())
                .when()
                .get(FEED)
                .then()
                .statusCode(200)
                .body("nextAfter", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void refusesACallWithoutToken() {
        unauthenticated(given().when().get(FEED).then());
    }

    @Test
    void refusesAGarbledToken() {
        unauthenticated(given().auth().oauth2("not.a.jwt").when().get(FEED).then());
        String service = TestTokens.service();
        unauthenticated(given().auth()
                .oauth2(service.substring(0, service.length() - 4) + "AAAA")
                .when()
                .get(FEED)
                .then());
    }

    @Test
    void refusesAnExpiredServiceTokenOrOneOfAnotherIssuer() {
        long longAgo = System.currentTimeMillis() / 1000 - 3600;
        unauthenticated(given().auth()
                .oauth2(TestTokens.serviceClaims()
                        .issuedAt(longAgo - 300)
                        .expiresAt(longAgo)
                        .sign())
                .when()
                .get(FEED)
                .then());
        unauthenticated(given().auth()
                .oauth2(TestTokens.serviceClaims()
                        .issuer("https://elsewhere.example")
                        .sign())
                .when()
                .get(FEED)
                .then());
    }

    @Test
    void refusesTheRetiredSharedSecretHeader() {
        unauthenticated(given().header("X-Service-Token", "test-internal-token")
                .when()
                .get(FEED)
                .then());
    }

    @Test
    void refusesUsersTokensWhateverTheirRole() {
        UUID clinic = UUID.randomUUID();
        for (String token : Set.of(
                TestTokens.admin(),
                TestTokens.researcher(),
                TestTokens.staff(clinic),
                TestTokens.patient(clinic, UUID.randomUUID()))) {
            forbidden(given().auth().oauth2(token).when().get(FEED).then());
        }
    }

    @Test
    void refusesAnotherClientsToken() {
        // An EHR client's client-credentials token: audience meridian-api, clinic-admin of its clinic.
        String ehr = TestTokens.claims("clinic-admin")
                .subject("service-account-meridian-ehr-harbour")
                .claim("azp", "meridian-ehr-harbour")
                .claim("client_id", "meridian-ehr-harbour")
                .claim("clinic_id", UUID.randomUUID().toString())
                .sign();
        forbidden(given().auth().oauth2(ehr).when().get(FEED).then());
        // A client given intake's audience but not the role.
        String noRole = TestTokens.serviceClaims()
                .subject("service-account-meridian-other")
                .claim("azp", "meridian-other")
                .claim("client_id", "meridian-other")
                .groups(Set.of())
                .sign();
        forbidden(given().auth().oauth2(noRole).when().get(FEED).then());
        String otherRole = TestTokens.serviceClaims().groups("admin").sign();
        forbidden(given().auth().oauth2(otherRole).when().get(FEED).then());
    }

    @Test
    void refusesTheRoleWithoutIntakesAudience() {
        String publicAudience =
                TestTokens.serviceClaims().audience(TestTokens.AUDIENCE).sign();
        forbidden(given().auth().oauth2(publicAudience).when().get(FEED).then());
    }

    @Test
    void theServiceTokenOpensNothingOfThePublicApi() {
        String service = TestTokens.service();
        unauthenticated(given().auth()
                .oauth2(service)
                .when()
                .get("/api/v1/intake/acupoints")
                .then());
        unauthenticated(given().auth()
                .oauth2(service)
                .when()
                .get("/api/v1/intake/clinics/" + UUID.randomUUID() + "/patients")
                .then());
        // A service token that somehow also held a user's role is refused all the same: the audience decides.
        unauthenticated(given().auth()
                .oauth2(TestTokens.serviceClaims()
                        .groups(Set.of(TestTokens.EVENT_FEED_READER, "admin"))
                        .sign())
                .when()
                .get("/api/v1/intake/clinics")
                .then());
        given().auth()
                .oauth2(service)
                .accept("application/fhir+json")
                .when()
                .get("/fhir/r4/Patient")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenForBothAudiencesWorksOnBothSides() {
        String both = TestTokens.serviceClaims()
                .audience(Set.of(TestTokens.AUDIENCE, TestTokens.INTAKE_AUDIENCE))
                .groups(Set.of(TestTokens.EVENT_FEED_READER, "admin"))
                .sign();
        given().auth().oauth2(both).when().get(FEED).then().statusCode(200);
        given().auth().oauth2(both).when().get("/api/v1/intake/clinics").then().statusCode(200);
    }

    @Test
    void usersTokensStillOpenThePublicApi() {
        given().auth()
                .oauth2(Jwt.issuer(TestTokens.ISSUER)
                        .audience(TestTokens.AUDIENCE)
                        .subject("someone")
                        .groups("admin")
                        .expiresIn(60)
                        .sign())
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(200);
    }

    private static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:meridian:problem:unauthenticated"))
                .body("status", equalTo(401));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:forbidden"))
                .body("status", equalTo(403));
    }
}
