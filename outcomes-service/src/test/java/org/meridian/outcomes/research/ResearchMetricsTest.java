package org.meridian.outcomes.research;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.metrics.Scrape;
import org.meridian.platform.test.security.TestTokens;

/** docs/observability.md#business-metrics: one aggregate answer moves the cell counters and the suppression timer. */
@QuarkusTest
class ResearchMetricsTest {

    private static final String CELLS = "meridian_research_cells_total";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUngroupedAggregateCountsItsShownAndSmallCellsAndOneTimedSuppression() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = new ResearchData(dataSource, Instant.now());
        for (int index = 0; index < 12; index++) {
            ResearchData.Patient patient = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 5);
            data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, "40");
            data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "20");
        }
        Scrape before = Scrape.of(metrics);

        given().auth()
                .oauth2(TestTokens.researcher())
                .queryParams(Map.of("instrument", "ODI", "clinicId", clinic.toString(), "followUpWeeks", "12"))
                .get("/api/v1/outcomes/research/aggregates")
                .then()
                .statusCode(200);

        Scrape after = Scrape.of(metrics);
        // the total and the 4-6 sessions band hold 12 patients (k = 11); the five other bands are empty, so small
        assertThat(delta(before, after, CELLS, Map.of("suppression", "none"))).isEqualTo(2.0);
        assertThat(delta(before, after, CELLS, Map.of("suppression", "primary")))
                .isEqualTo(5.0);
        assertThat(delta(before, after, CELLS, Map.of("suppression", "complementary")))
                .isZero();
        assertThat(delta(before, after, "meridian_research_suppression_fallbacks_total", Map.of()))
                .isZero();
        assertThat(delta(before, after, "meridian_research_suppression_seconds_count", Map.of()))
                .isEqualTo(1.0);
        assertThat(after.buckets("meridian_research_suppression_seconds", Map.of()))
                .containsExactlyElementsOf(Scrape.LATENCY_BUCKETS);
    }

    private static double delta(Scrape before, Scrape after, String name, Map<String, String> labels) {
        assertThat(after.has(name, labels)).as(name + labels).isTrue();
        return after.value(name, labels) - before.value(name, labels);
    }
}
