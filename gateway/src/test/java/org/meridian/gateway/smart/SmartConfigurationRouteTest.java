package org.meridian.gateway.smart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;

/** The SMART configuration and the CapabilityStatement's oauth-uris, from the provider's OpenID configuration. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
@QuarkusTestResource(value = FakeOpenIdProvider.class, restrictToAnnotatedClass = true)
class SmartConfigurationRouteTest {

    @Test
    void describesTheProvidersEndpointsAndMeridiansScopesWithoutAToken() {
        given().when()
                .get("/fhir/r4/.well-known/smart-configuration")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("issuer", endsWith("/realms/meridian"))
                .body("authorization_endpoint", endsWith("/realms/meridian/protocol/openid-connect/auth"))
                .body("token_endpoint", endsWith("/realms/meridian/protocol/openid-connect/token"))
                .body("jwks_uri", endsWith("/realms/meridian/protocol/openid-connect/certs"))
                .body("revocation_endpoint", endsWith("/realms/meridian/protocol/openid-connect/revoke"))
                // Only what SMART apps use, of what the provider offers (no implicit or password grant).
                .body("grant_types_supported", contains("authorization_code", "client_credentials", "refresh_token"))
                .body(
                        "token_endpoint_auth_methods_supported",
                        contains("private_key_jwt", "client_secret_basic", "client_secret_post"))
                .body("code_challenge_methods_supported", contains("S256"))
                .body("response_types_supported", contains("code"))
                .body(
                        "capabilities",
                        hasItems("launch-ehr", "launch-standalone", "permission-v2", "sso-openid-connect"))
                .body("scopes_supported", hasItems("openid", "launch/patient", "patient/*.rs", "user/*.cruds"));
    }

    @Test
    void theScopesAreThoseTheRealmOffers() throws Exception {
        JsonObject realm = new JsonObject(Files.readString(Path.of("../deploy/keycloak/meridian-realm.json")));
        Set<String> offered = new TreeSet<>(Set.of("openid", "offline_access")); // Keycloak's own client scopes
        realm.getJsonArray("clientScopes").stream()
                .map(scope -> ((JsonObject) scope).getString("name"))
                .filter(name -> !name.startsWith("meridian"))
                .forEach(offered::add);
        List<String> advertised = given().when()
                .get("/fhir/r4/.well-known/smart-configuration")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("scopes_supported", String.class);
        assertThat(new TreeSet<>(advertised)).isEqualTo(offered);
    }

    @Test
    void theCapabilityStatementNamesTheSameEndpoints() {
        given().accept("application/fhir+json")
                .when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .body(
                        "rest[0].security.extension[0].url",
                        equalTo("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"))
                .body(
                        "rest[0].security.extension[0].extension.find { it.url == 'authorize' }.valueUri",
                        endsWith("/protocol/openid-connect/auth"))
                .body(
                        "rest[0].security.extension[0].extension.find { it.url == 'token' }.valueUri",
                        endsWith("/protocol/openid-connect/token"))
                .body("rest[0].security.extension[0].extension.url", not(hasItem("register")));
    }
}
