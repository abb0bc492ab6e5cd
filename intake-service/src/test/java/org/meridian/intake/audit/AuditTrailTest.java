package org.meridian.intake.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.meridian.platform.audit.AuditEvent;
import org.meridian.platform.audit.AuditWriter;
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
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("from", "yesterday")
                .when()
                .get(audit())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:validation-error"));
    }

    @Override
    protected CompletableFuture<Void> append(String subject, String httpMethod, String path, int status) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now();
        event.subject = subject;
        event.httpMethod = httpMethod;
        event.path = path;
        event.status = status;
        return writer.append(event);
    }
}
