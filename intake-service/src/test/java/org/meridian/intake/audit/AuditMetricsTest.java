package org.meridian.intake.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.platform.test.metrics.Scrape;

/** docs/observability.md#business-metrics: the audit writer's meters, as platform registers them in each service. */
@QuarkusTest
class AuditMetricsTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void oneAuditedCallIsOneWrittenRowInOneWrittenBatchAndTheQueueReportsItsCapacity() {
        String clinic = Fixtures.clinic();
        Scrape before = Scrape.of(metrics);

        Fixtures.asStaffOf(clinic)
                .when()
                .get(Fixtures.API + "/clinics/" + clinic + "/patients")
                .then()
                .statusCode(200);

        Scrape after = Scrape.of(metrics);
        Map<String, String> written = Map.of("outcome", "written");
        assertThat(after.value("meridian_audit_rows_total", written)
                        - before.value("meridian_audit_rows_total", written))
                .isEqualTo(1.0);
        for (String lost : new String[] {"failed", "refused"}) {
            assertThat(after.has("meridian_audit_rows_total", Map.of("outcome", lost)))
                    .as(lost)
                    .isTrue();
            assertThat(after.value("meridian_audit_rows_total", Map.of("outcome", lost)))
                    .as(lost)
                    .isEqualTo(before.value("meridian_audit_rows_total", Map.of("outcome", lost)));
        }
        assertThat(after.value("meridian_audit_batch_seconds_count", written)
                        - before.value("meridian_audit_batch_seconds_count", written))
                .isEqualTo(1.0);
        assertThat(after.has("meridian_audit_batch_seconds_count", Map.of("outcome", "failed")))
                .isTrue();
        assertThat(after.value("meridian_audit_batch_rows_count", Map.of())
                        - before.value("meridian_audit_batch_rows_count", Map.of()))
                .isEqualTo(1.0);
        assertThat(after.value("meridian_audit_batch_rows_sum", Map.of())
                        - before.value("meridian_audit_batch_rows_sum", Map.of()))
                .isEqualTo(1.0);
        assertThat(after.value("meridian_audit_queue_capacity", Map.of())).isEqualTo(10_000.0);
        assertThat(after.has("meridian_audit_queue_depth", Map.of())).isTrue();
    }
}
