package org.meridian.intake.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.audit.AbstractAuditTrailTest;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class AuditTrailTest extends AbstractAuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditWriter writer;

    AuditTrailTest() {
        super("intake");
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    /** Found by the contract tests: a malformed timestamp in the query was answered 404 "HTTP 404 Not Found". */
    @Test
    void answersAMalformedTimestampWith400() {
        given().auth().oauth2(TestTokens.admin()).queryParam("from", "yesterday").when().get(audit())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:validation-error"));
    }

    @Test
    void writesARowWhoseValuesDoNotFitItsColumnsWithoutLosingTheRowsBatchedWithIt() throws Exception {
        String subject = "odd-" + UUID.randomUUID();
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AuditEvent event = new AuditEvent();
            event.occurredAt = Instant.now();
            event.subject = subject;
            // a client can send any method and path; the 11-letter method and the NUL fit no column as they are
            event.httpMethod = i == 7 ? "PROPPATCHED" : "GET";
            event.path = i == 7 ? "/api/v1/intake/x\u0000y" : "/api/v1/intake/audit-events";
            event.status = 405;
            written.add(writer.append(event));
        }
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*), count(*) FILTER (WHERE http_method = 'PROPPATCHE') FROM intake.audit_event WHERE subject = ?")) {
            query.setString(1, subject);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(20);
                assertThat(result.getInt(2)).isEqualTo(1);
            }
        }
    }
}
