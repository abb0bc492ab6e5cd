package org.meridian.outcomes.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.metrics.Scrape;
import org.meridian.platform.test.security.TestTokens;

/**
 * docs/observability.md ("What the services must configure"): request and audit batch timers have exactly the listed
 * buckets, and the connection pool's metrics exist.
 */
@QuarkusTest
class LatencyBucketsTest {

    private static final String PROGRESS = "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/progress";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void requestAndAuditTimersHaveTheListedBucketsAndThePoolIsMeasured() {
        UUID clinic = UUID.randomUUID();
        int status = given().auth()
                .oauth2(TestTokens.practitioner(clinic))
                .when()
                .get("/api/v1/outcomes/clinics/" + clinic + "/patients/" + UUID.randomUUID() + "/progress")
                .then()
                .extract()
                .statusCode();

        Scrape scrape = Scrape.of(metrics);
        Map<String, String> request = scrape.all("http_server_requests_seconds_count").stream()
                .map(Scrape.Sample::labels)
                .filter(labels -> PROGRESS.equals(labels.get("uri"))
                        && String.valueOf(status).equals(labels.get("status")))
                .findFirst()
                .orElseThrow();
        assertThat(scrape.buckets("http_server_requests_seconds", request))
                .containsExactlyElementsOf(Scrape.LATENCY_BUCKETS);
        assertThat(scrape.buckets("meridian_audit_batch_seconds", Map.of("outcome", "written")))
                .containsExactlyElementsOf(Scrape.LATENCY_BUCKETS);
        assertThat(scrape.has("agroal_active_count", Map.of("datasource", "default")))
                .isTrue();
        assertThat(scrape.has("agroal_awaiting_count", Map.of("datasource", "default")))
                .isTrue();
    }
}
