package org.meridian.platform.test.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

/**
 * The audit trail: every call, refused or not, is recorded before it is answered, exactly once, and only admins read
 * it; the service's role can append to it but not alter it.
 */
public abstract class AbstractAuditTrailTest {

    private final String service;
    private final String audit;

    /** @param service the service's name: its API root /api/v1/&lt;service&gt;, its schema and role &lt;service&gt;_svc */
    protected AbstractAuditTrailTest(String service) {
        this.service = service;
        this.audit = "/api/v1/" + service + "/audit-events";
    }

    /** The service's own connection pool. */
    protected abstract DataSource dataSource();

    /** Appends a row through the service's audit writer, as its request filter does. */
    protected abstract CompletableFuture<Void> append(String subject, String httpMethod, String path, int status);

    /** The service's audit endpoint. */
    protected String audit() {
        return audit;
    }

    @Test
    void rejectsACallWithoutATokenAs401Problem() {
        given().when()
                .get(audit)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:meridian:problem:unauthenticated"));
    }

    @Test
    void rejectsATokenThatIsNotMeantForThisApi() {
        String wrongAudience =
                TestTokens.claims("admin").audience("another-api").sign();
        given().auth()
                .oauth2(wrongAudience)
                .when()
                .get(audit)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void refusesTheAuditTrailToAnyoneButAdmins() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get(audit)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.researcher())
                .when()
                .get(audit)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void recordsWhoCalledWhatAndTheOutcome() {
        String subject = "auditor-" + UUID.randomUUID();
        String token = TestTokens.claims("admin").subject(subject).sign();
        given().auth()
                .oauth2(token)
                .header("X-Request-Id", "audit-req-1")
                .when()
                .get(audit)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("subject", subject)
                .when()
                .get(audit)
                .then()
                .statusCode(200)
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
                answered.add(clients.submit(() -> given().auth()
                        .oauth2(token)
                        .header("X-Request-Id", requestId)
                        .when()
                        .get(audit)
                        .then()
                        .statusCode(200)));
            }
            for (Future<?> call : answered) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }
        // every answered call's row is already committed (no waiting), exactly once
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*), count(DISTINCT request_id) FROM " + service
                                + ".audit_event WHERE subject = ?")) {
            query.setString(1, subject);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(calls);
                assertThat(result.getInt(2)).isEqualTo(calls);
            }
        }
    }

    @Test
    void writesARowWhoseValuesDoNotFitItsColumnsWithoutLosingTheRowsBatchedWithIt() throws Exception {
        String subject = "odd-" + UUID.randomUUID();
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // a client can send any method and path; the 11-letter method and the NUL fit no column as they are
            written.add(append(
                    subject, i == 7 ? "PROPPATCHED" : "GET", i == 7 ? "/api/v1/" + service + "/x\u0000y" : audit, 405));
        }
        CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT count(*), count(*) FILTER (WHERE http_method = 'PROPPATCHE') FROM " + service
                                + ".audit_event WHERE subject = ?")) {
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
            given().auth()
                    .oauth2(TestTokens.claims("researcher").subject(subject).sign())
                    .when()
                    .get(audit)
                    .then()
                    .statusCode(403);
            try (Connection connection = dataSource().getConnection();
                    PreparedStatement query =
                            connection.prepareStatement("select count(*) from audit_event where subject = ?")) {
                query.setString(1, subject);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    assertThat(rows.getLong(1))
                            .as("audit rows of refused call %d when it was answered", call)
                            .isEqualTo(1);
                }
            }
        }
    }

    @Test
    void recordsRefusedCallsToo() {
        String subject = "refused-" + UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.claims("researcher").subject(subject).sign())
                .when()
                .get(audit)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("subject", subject)
                .when()
                .get(audit)
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo(403))
                .body("items[0].roles", equalTo("researcher"));
    }

    @Test
    void auditRowsCannotBeAlteredOrDeletedByTheServiceRole() throws SQLException {
        given().auth().oauth2(TestTokens.admin()).when().get(audit).then().statusCode(200);
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(connection.getMetaData().getUserName()).isEqualTo(service + "_svc");
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set status = 200"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.executeUpdate("truncate audit_event"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }
}
