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

/**
 * docs/deployment.md#research-reads-from-a-replica: aggregates and exports read through the research datasource (a
 * streaming replica when one is configured), so its pool is the one that lends them connections.
 */
@QuarkusTest
class ResearchReadDatasourceTest {

    private static final String ACQUIRED = "agroal_acquire_count_total";
    private static final Map<String, String> RESEARCH_POOL = Map.of("datasource", ResearchConfig.READ_DATASOURCE);

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    AgroalDataSource primary;

    @Test
    void anAggregateBorrowsFromTheResearchPool() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = new ResearchData(primary, Instant.now());
        ResearchData.Patient patient = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 5);
        data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, "40");
        data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "20");
        double before = acquired();

        given().auth()
                .oauth2(TestTokens.researcher())
                .queryParams(Map.of("instrument", "ODI", "clinicId", clinic.toString(), "followUpWeeks", "12"))
                .get("/api/v1/outcomes/research/aggregates")
                .then()
                .statusCode(200);

        assertThat(acquired() - before).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void anExportBorrowsFromTheResearchPool() {
        double before = acquired();

        given().auth()
                .oauth2(TestTokens.researchExport())
                .queryParams(Map.of("project", "replica-reads", "format", "ndjson"))
                .get("/api/v1/outcomes/research/exports/assessments")
                .then()
                .statusCode(200);

        assertThat(acquired() - before).isGreaterThanOrEqualTo(1.0);
    }

    private double acquired() {
        Scrape scrape = Scrape.of(metrics);
        return scrape.has(ACQUIRED, RESEARCH_POOL) ? scrape.value(ACQUIRED, RESEARCH_POOL) : 0.0;
    }
}
