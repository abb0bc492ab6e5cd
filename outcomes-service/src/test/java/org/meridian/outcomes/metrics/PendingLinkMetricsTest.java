package org.meridian.outcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.IntakeScript;
import org.meridian.platform.test.metrics.Scrape;
import org.meridian.platform.test.security.TestTokens;

/**
 * docs/observability.md#business-metrics: the PENDING gauges move when the count runs (every 30 s in service, called
 * here), not when Prometheus scrapes.
 */
@QuarkusTest
class PendingLinkMetricsTest {

    private static final String PENDING = "meridian_assessments_pending_links";
    private static final String OLDEST = "meridian_assessments_pending_link_oldest_seconds";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    PendingLinkMetrics pendingLinks;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPendingSubmissionCountsAtTheNextCountNotAtTheNextScrape() throws SQLException {
        UUID clinic = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, patient); // issued, not yet announced by the feed: PENDING
        pendingLinks.count();
        double before = Scrape.of(metrics).value(PENDING, Map.of());
        assertThat(before).isEqualTo(pendingInDatabase());

        OffsetDateTime answered =
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);
        post(TestTokens.practitioner(clinic), clinic, patient, body("NRS_BACK_PAIN", "BASELINE", answered, nrs(4)))
                .statusCode(201);
        assertThat(Scrape.of(metrics).value(PENDING, Map.of()))
                .as("no query per scrape")
                .isEqualTo(before);

        pendingLinks.count();
        Scrape after = Scrape.of(metrics);
        assertThat(after.value(PENDING, Map.of())).isEqualTo(before + 1).isEqualTo(pendingInDatabase());
        assertThat(after.value(OLDEST, Map.of())).isGreaterThanOrEqualTo(0.0);
    }

    private double pendingInDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("select count(*) from assessment where link_status = 'PENDING'")) {
            row.next();
            return row.getLong(1);
        }
    }
}
