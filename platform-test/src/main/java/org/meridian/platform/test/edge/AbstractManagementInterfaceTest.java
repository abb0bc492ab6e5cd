package org.meridian.platform.test.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.edge.DocumentedOperations.Operation;
import org.meridian.platform.test.security.TestTokens;

/**
 * Found by an outside audit: metrics were public, and request metrics could carry ids in their labels. Health and
 * metrics are on the management port only, and after a call of every documented operation with ids in its path (and
 * of unknown paths), no id appears in the metrics.
 */
public abstract class AbstractManagementInterfaceTest {

    private final String apiBase;

    /** @param apiBase the service's API root, such as /api/v1/intake */
    protected AbstractManagementInterfaceTest(String apiBase) {
        this.apiBase = apiBase;
    }

    /** The metrics endpoint on the management port; health is found next to it. */
    protected abstract URL metrics();

    /** A clinic for the calls: one that exists where only an existing clinic's calls reach the resource. */
    protected abstract String clinic();

    /** A FHIR resource type the service reads, for a call without a token. */
    protected abstract String fhirType();

    /** uri labels the calls must have left, as path templates: one REST and one FHIR operation's. */
    protected abstract List<String> expectedUriLabels();

    private URL management(String path) {
        try {
            return URI.create(metrics().toString()).resolve(path).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void servesHealthAndMetricsOnTheManagementPortOnly() {
        given().when().get(management("health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(management("health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(metrics()).then().statusCode(200);
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live")) {
            assertThat(given().when().get(path).then().extract().statusCode())
                    .as(path)
                    .isEqualTo(404);
        }
    }

    @Test
    void labelsRequestsWithPathTemplatesNeverWithIds() {
        String clinic = clinic();
        List<String> ids = new ArrayList<>();
        for (Operation operation : DocumentedOperations.load().all()) {
            String path = operation.path(clinic, ids);
            var request = given().auth()
                    .oauth2(operation.token(clinic))
                    .contentType(operation.isFhir() ? "application/fhir+json" : "application/json");
            if (!operation.method().equals("GET") && !operation.method().equals("DELETE")) {
                request = request.body("{}");
            }
            request.when().request(operation.method(), path).then().extract().statusCode();
        }
        String unknown = UUID.randomUUID().toString();
        ids.add(unknown);
        ids.add(clinic);
        String staff = TestTokens.staff(UUID.fromString(clinic));
        given().auth()
                .oauth2(staff)
                .when()
                .get(apiBase + "/clinics/" + clinic + "/nothing/" + unknown)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(apiBase + "/" + unknown)
                .then()
                .statusCode(404);
        // a method the path does not have: matched no template, so its path must not become a label either
        given().auth()
                .oauth2(staff)
                .when()
                .delete(apiBase + "/clinics/" + clinic + "/patients/" + unknown)
                .then()
                .statusCode(greaterThanOrEqualTo(400));
        given().when().get("/fhir/r4/" + fhirType() + "/" + unknown).then().statusCode(401);

        String scraped =
                given().when().get(metrics()).then().statusCode(200).extract().asString();
        // docs/observability.md#labels-what-may-be-one: the one counter by clinic, whose clinic_id is the caller's
        // (verified) clinic; no other id anywhere, and no id at all on any other line
        String byClinic = "meridian_submissions_by_clinic_total{";
        assertThat(scraped.lines().filter(line -> !line.startsWith(byClinic)))
                .allSatisfy(line -> assertThat(line).doesNotContain(ids));
        assertThat(scraped.lines().filter(line -> line.startsWith(byClinic)))
                .allSatisfy(line -> assertThat(line.replace("clinic_id=\"" + clinic + "\"", ""))
                        .doesNotContain(ids));
        for (String label : expectedUriLabels()) {
            assertThat(scraped).contains("uri=\"" + label + "\"");
        }
        Matcher uris = Pattern.compile("uri=\"([^\"]*)\"").matcher(scraped);
        while (uris.find()) {
            assertThat(uris.group(1)).as("a uri label").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}");
        }
    }
}
