package org.meridian.intake.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.edge.DocumentedOperations.Operation;

/**
 * Found by an outside audit: metrics were public, and request metrics could carry ids in their labels. Health and
 * metrics are on the management port only, and after a call of every documented operation with ids in its path (and
 * of unknown paths), no id appears in the metrics.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "health/live", management = true)
    URL live;

    @Test
    void servesHealthAndMetricsOnTheManagementPortOnly() {
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(metrics).then().statusCode(200);
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            assertThat(given().header("X-No-Auth", "true").when().get(path).then().extract().statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void labelsRequestsWithPathTemplatesNeverWithIds() {
        String clinic = Fixtures.clinic();
        List<String> ids = new ArrayList<>();
        for (Operation operation : DocumentedOperations.load().all()) {
            String path = operation.path(clinic, ids);
            var request = given().contentType(operation.isFhir() ? "application/fhir+json" : "application/json");
            if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
                request = request.body("{}");
            }
            request.when().request(operation.method(), path).then().extract().statusCode();
        }
        String unknown = UUID.randomUUID().toString();
        ids.add(unknown);
        given().when().get("/api/v1/intake/clinics/" + clinic + "/nothing/" + unknown).then().statusCode(404);
        given().when().get("/api/v1/intake/" + unknown).then().statusCode(404);
        // a method the path does not have: matched no template, so its path must not become a label either
        given().when().delete("/api/v1/intake/clinics/" + clinic + "/patients/" + unknown).then().statusCode(greaterThanOrEqualTo(400));
        given().header("X-No-Auth", "true").when().get("/fhir/r4/Patient/" + unknown).then().statusCode(401);
        ids.remove(clinic);

        String scraped = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(scraped).doesNotContain(clinic).doesNotContain(ids)
                .contains("uri=\"/api/v1/intake/clinics/{clinicId}/patients/{patientId}\"")
                .contains("uri=\"/fhir/r4/Patient/{id}\"");
        Matcher uris = Pattern.compile("uri=\"([^\"]*)\"").matcher(scraped);
        while (uris.find()) {
            assertThat(uris.group(1)).as("a uri label").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}");
        }
    }
}
