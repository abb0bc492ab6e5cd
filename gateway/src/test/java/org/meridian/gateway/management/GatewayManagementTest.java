package org.meridian.gateway.management;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;
import org.meridian.platform.test.metrics.Scrape;
import org.meridian.platform.test.security.TestTokens;

/**
 * Health and metrics are served on the management port only (found by an outside audit: /q/metrics was public on the
 * API port and labelled requests with their raw paths, ids included).
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class GatewayManagementTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @Test
    void servesHealthOnTheManagementPortForProbes() {
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesNoManagementEndpointOnThePublicPort() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            assertThat(given().when().get(path).then().extract().statusCode())
                    .as(path)
                    .isEqualTo(404);
        }
        given().when().get(metrics).then().statusCode(200);
    }

    @Test
    void labelsRequestsWithRouteTemplatesNeverWithIds() {
        String clinic = UUID.randomUUID().toString();
        String patient = UUID.randomUUID().toString();
        String pseudonym = "psn-" + UUID.randomUUID();
        String unknown = UUID.randomUUID().toString();
        String fhirId = "fhir-" + UUID.randomUUID();
        String token = TestTokens.practitioner(UUID.randomUUID());
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/intake/clinics/" + clinic)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/intake/clinics/" + clinic + "/patients/" + patient)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/intake/clinics/" + clinic + "/patients/" + patient + "/teapot")
                .then()
                .statusCode(418);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/intake/" + unknown + "/anything/" + unknown)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .when()
                .get("/fhir/r4/Patient/" + fhirId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/outcomes/clinics/" + clinic + "/patients/" + pseudonym + "/progress")
                .then()
                .statusCode(502);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/nowhere/" + unknown)
                .then()
                .statusCode(404);
        given().when()
                .get("/api/v1/intake/clinics/" + clinic + "/patients/" + patient)
                .then()
                .statusCode(401);

        String scraped =
                given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(scraped)
                .doesNotContain(clinic, patient, pseudonym, unknown, fhirId)
                .contains("uri=\"/api/v1/intake/clinics/{clinicId}/patients/{patientId}\"")
                .contains("uri=\"/api/v1/intake/clinics/{clinicId}\"")
                .contains("uri=\"/fhir/r4/Patient/{id}\"");
        Matcher uris = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"")
                .matcher(scraped);
        while (uris.find()) {
            assertThat(uris.group(1)).as("a uri label").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}");
        }
    }

    /** docs/observability.md ("What the services must configure"): request timers have exactly the listed buckets. */
    @Test
    void requestTimersHaveTheListedLatencyBuckets() {
        String clinic = UUID.randomUUID().toString();
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/api/v1/intake/clinics/" + clinic)
                .then()
                .statusCode(200);

        Scrape scrape = Scrape.of(metrics);
        Map<String, String> request = scrape.all("http_server_requests_seconds_count").stream()
                .map(Scrape.Sample::labels)
                .filter(labels -> "/api/v1/intake/clinics/{clinicId}".equals(labels.get("uri"))
                        && "200".equals(labels.get("status")))
                .findFirst()
                .orElseThrow();
        assertThat(scrape.buckets("http_server_requests_seconds", request))
                .containsExactlyElementsOf(Scrape.LATENCY_BUCKETS);
    }
}
