package org.meridian.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;
import org.meridian.platform.test.security.TestTokens;

/** The built web app at /app/: its files, the SPA fallback, cache headers and CSP, and /api left to the services. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
@TestProfile(WebAppRouteTest.BuiltApp.class)
class WebAppRouteTest {

    static final String INDEX =
            "<!doctype html><title>Meridian</title><script type=module src=/app/assets/index-B1x2.js>";

    public static class BuiltApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dist = Files.createTempDirectory("meridian-web-dist");
                Files.createDirectories(dist.resolve("assets"));
                Files.writeString(dist.resolve("index.html"), INDEX);
                Files.writeString(dist.resolve("assets/index-B1x2.js"), "console.log('app')");
                Files.writeString(dist.resolve("sw.js"), "self.addEventListener('fetch', () => {})");
                Files.writeString(dist.resolve("manifest.webmanifest"), "{\"name\":\"Meridian\"}");
                Files.writeString(dist.getParent().resolve("outside.txt"), "secret");
                Path signIns = Files.createTempFile("demo-sign-ins", ".json");
                Files.writeString(signIns, "[{\"role\":\"patient\"}]");
                return Map.of("meridian.web.dir", dist.toString(), "meridian.web.demo-sign-ins", signIns.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void servesTheIndexWithAStrictContentSecurityPolicy() {
        given().when()
                .get("/app/")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .header("X-Content-Type-Options", "nosniff")
                .body(equalTo(INDEX));
    }

    @Test
    void anyPathOfTheAppWithoutAFileIsTheIndex() {
        given().when()
                .get("/app/clinician/patients/42")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .body(equalTo(INDEX));
    }

    @Test
    void hashedAssetsAreCachedForAYearOtherFilesRevalidated() {
        given().when()
                .get("/app/assets/index-B1x2.js")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .body(equalTo("console.log('app')"));
        given().when()
                .get("/app/sw.js")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Cache-Control", "no-cache");
        given().when()
                .get("/app/manifest.webmanifest")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/manifest+json"));
    }

    @Test
    void aMissingAssetIsAProblemNotTheIndex() {
        given().when()
                .get("/app/assets/index-OLD.js")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:not-found"));
        given().when().get("/app/missing.png").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void nothingOutsideTheAppDirectoryIsServed() {
        given().urlEncodingEnabled(false)
                .when()
                .get("/app/%2e%2e/outside.txt")
                .then()
                .statusCode(404)
                .body(not(containsString("secret")));
        given().urlEncodingEnabled(false)
                .when()
                .get("/app/assets/..%2F..%2Foutside.txt")
                .then()
                .statusCode(404)
                .body(not(containsString("secret")));
    }

    @Test
    void theAppWithoutTheSlashRedirects() {
        given().config(RestAssuredConfig.config()
                        .redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .when()
                .get("/app")
                .then()
                .statusCode(301)
                .header("Location", "/app/");
    }

    @Test
    void writesAreRefused() {
        given().body("x").when().post("/app/").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void demoSignInsAreServedUncached() {
        given().when()
                .get("/app/demo-sign-ins.json")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-store")
                .body("[0].role", equalTo("patient"));
    }

    @Test
    void theApiIsUntouched() {
        given().when()
                .get("/api/v1/outcomes/instruments")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("Content-Security-Policy", (String) null);
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .header("X-Upstream", "intake")
                .header("Content-Security-Policy", (String) null);
        given().when().get("/apps").then().statusCode(404).contentType("application/problem+json");
    }
}
