package org.meridian.intake.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/intake/audit-events";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rejectsACallWithoutATokenAs401Problem() {
        given().header("X-No-Auth", "true").when().get(AUDIT)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:meridian:problem:unauthenticated"));
    }

    @Test
    void rejectsATokenThatIsNotMeantForThisApi() {
        String wrongAudience = Jwt.issuer("https://auth.meridian.local").audience("another-api").subject("x")
                .groups("admin").expiresIn(300).sign();
        given().auth().oauth2(wrongAudience).when().get(AUDIT)
                .then().statusCode(401).contentType("application/problem+json");
    }

    /** Found by the contract tests: a malformed timestamp in the query was answered 404 "HTTP 404 Not Found". */
    @Test
    void answersAMalformedTimestampWith400() {
        given().auth().oauth2(TestTokens.admin()).queryParam("from", "yesterday").when().get(AUDIT)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:validation-error"));
    }

    @Test
    void refusesTheAuditTrailToAnyoneButAdmins() {
        given().auth().oauth2(TestTokens.practitioner(UUID.randomUUID())).when().get(AUDIT)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.researcher()).when().get(AUDIT)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void recordsWhoCalledWhatAndTheOutcome() {
        String subject = "auditor-" + UUID.randomUUID();
        String token = TestTokens.claims("admin").subject(subject).sign();
        given().auth().oauth2(token).header("X-Request-Id", "audit-req-1").when().get(AUDIT).then().statusCode(200);

        given().auth().oauth2(TestTokens.admin()).queryParam("subject", subject)
                .when().get(AUDIT)
                .then().statusCode(200)
                .body("totalItems", greaterThanOrEqualTo(1))
                .body("items[0].subject", equalTo(subject))
                .body("items[0].roles", equalTo("admin"))
                .body("items[0].httpMethod", equalTo("GET"))
                .body("items[0].operation", equalTo("AuditEventResource.search"))
                .body("items[0].requestId", equalTo("audit-req-1"))
                .body("items[0].client", equalTo("meridian-tests"))
                .body("items[0].status", equalTo(200));
    }

    @Test
    void auditsEachOfManyConcurrentCallsOnceBeforeAnsweringIt() throws Exception {
        String subject = "burst-" + UUID.randomUUID();
        String token = TestTokens.claims("admin").subject(subject).sign();
        int calls = 40;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> answered = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String requestId = "burst-" + i;
                answered.add(clients.submit(() -> given().auth().oauth2(token).header("X-Request-Id", requestId)
                        .when().get(AUDIT).then().statusCode(200)));
            }
            for (Future<?> call : answered) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        // every answered call's row is already committed (no waiting), exactly once
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*), count(DISTINCT request_id) FROM intake.audit_event WHERE subject = ?")) {
            query.setString(1, subject);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(calls);
                assertThat(result.getInt(2)).isEqualTo(calls);
            }
        }
    }

    @Inject
    AuditWriter writer;

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

    @Test
    void auditsARefusedCallBeforeAnsweringIt() throws SQLException {
        for (int call = 0; call < 20; call++) {
            String subject = "refused-now-" + UUID.randomUUID();
            given().auth().oauth2(TestTokens.claims("researcher").subject(subject).sign()).when().get(AUDIT)
                    .then().statusCode(403);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "select count(*) from audit_event where subject = ?")) {
                query.setString(1, subject);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("audit rows of refused call %d when it was answered", call)
                            .isEqualTo(1);
                }
            }
        }
    }

    @Test
    void recordsRefusedCallsToo() {
        String subject = "refused-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.claims("researcher").subject(subject).sign()).when().get(AUDIT)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).queryParam("subject", subject)
                .when().get(AUDIT)
                .then().statusCode(200)
                .body("items[0].status", equalTo(403))
                .body("items[0].roles", equalTo("researcher"));
    }

    @Test
    void auditRowsCannotBeAlteredOrDeletedByTheServiceRole() throws SQLException {
        given().auth().oauth2(TestTokens.admin()).when().get(AUDIT).then().statusCode(200);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(connection.getMetaData().getUserName()).isEqualTo("intake_svc");
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set status = 200"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.executeUpdate("truncate audit_event"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }
}
