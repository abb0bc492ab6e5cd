package org.meridian.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.platform.test.metrics.Scrape;

/** docs/observability.md#business-metrics: meridian_outbox_head_position follows each committed event. */
@QuarkusTest
class OutboxHeadMetricsTest {

    private static final String HEAD = "meridian_outbox_head_position";

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theHeadIsTheHighestCommittedPositionAfterEachEvent() throws SQLException {
        Fixtures.clinic(); // at least one event, whatever ran before
        assertThat(Scrape.of(metrics).value(HEAD, Map.of())).isEqualTo(maxPosition());
        double before = maxPosition();

        Fixtures.clinic(); // ClinicRegistered

        double after = Scrape.of(metrics).value(HEAD, Map.of());
        assertThat(after).isEqualTo(maxPosition()).isGreaterThan(before);
    }

    private double maxPosition() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select max(position) from outbox_event")) {
            row.next();
            return row.getLong(1);
        }
    }
}
