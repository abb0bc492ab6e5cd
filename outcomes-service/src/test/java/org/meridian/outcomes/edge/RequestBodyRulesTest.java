package org.meridian.outcomes.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.edge.AbstractRequestBodyRulesTest;
import org.meridian.platform.test.edge.DocumentedOperations.Operation;
import org.meridian.platform.test.http.RawHttp;

/**
 * The body rules on outcomes' operations: assessment submissions and FHIR QuestionnaireResponse accepted a chunked
 * body over the limit; a lone UTF-16 surrogate was stored as '?' (issue #13).
 */
@QuarkusTest
class RequestBodyRulesTest extends AbstractRequestBodyRulesTest {

    private static final Operation SUBMISSION =
            new Operation("POST", "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments", true);

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected String newClinic() {
        return UUID.randomUUID().toString();
    }

    @Override
    protected List<String> expectedOperationsWithBody() {
        return List.of(SUBMISSION.name(), "POST /fhir/r4/QuestionnaireResponse");
    }

    @Override
    protected long storedRows(String clinic) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from outcomes.assessment")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Operation jsonCreate() {
        return SUBMISSION;
    }

    @Override
    protected String jsonCreateBody() {
        return "{\"instrumentCode\": \"NRS_BACK_PAIN\"}";
    }

    @Override
    protected String fhirCreateType() {
        return "QuestionnaireResponse";
    }

    @Override
    protected Map<String, String> writeHeaders() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }

    @Test
    void refusesAnUnpairedSurrogateNamingTheField() {
        String clinic = newClinic();
        given().auth()
                .oauth2(SUBMISSION.token(clinic))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(
                        "{\"instrumentCode\": \"NRS_BACK_PAIN\", \"timepoint\": \"AD_HOC\", \"answeredAt\": \"2026-01-02T10:00:00Z\","
                                + " \"answers\": {\"back_pain_nrs\": 4}, \"instrumentVersion\": \"1.0\\ud800\"}")
                .when()
                .post(SUBMISSION.path(clinic, new ArrayList<>()))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("instrumentVersion"))
                .body("errors[0].message", containsString("surrogate"));
        given().auth()
                .oauth2(SUBMISSION.token(clinic))
                .contentType("application/fhir+json")
                .body("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\","
                        + " \"item\": [{\"linkId\": \"back_pain_nrs\", \"text\": \"\\udc00\"}]}")
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then()
                .statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("item[0].text"));
    }

    /**
     * The body is read before the resource method runs (RequestBodyLimit): a client that waits for "100 Continue" gets
     * it, and a body in several chunks is parsed whole (the surrogate is in its last chunk).
     */
    @Test
    void readsABodySentAfterContinueInSeveralChunks() throws Exception {
        String clinic = newClinic();
        RawHttp.Response answer = RawHttp.uploadAfterContinue(
                RestAssured.port,
                "POST",
                SUBMISSION.path(clinic, new ArrayList<>()),
                submissionHeaders(clinic),
                List.of(
                        "{\"instrumentCode\": \"NRS_BACK_PAIN\", \"timepoint\": \"AD_HOC\",",
                        " \"answeredAt\": \"2026-01-02T10:00:00Z\", \"answers\": {\"back_pain_nrs\": 4},",
                        " \"instrumentVersion\": \"1.0\\ud800\"}"));
        assertThat(answer).as("a 100 Continue before the body").isNotNull();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"field\":\"instrumentVersion\"").contains("surrogate");
    }

    /** A call without a token is refused before its body is asked for: no "100 Continue", nothing read. */
    @Test
    void asksNoBodyOfACallWithoutAToken() throws Exception {
        String clinic = newClinic();
        RawHttp.Response answer = RawHttp.uploadAfterContinue(
                RestAssured.port,
                "POST",
                SUBMISSION.path(clinic, new ArrayList<>()),
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Idempotency-Key",
                        UUID.randomUUID().toString()),
                List.of("{}"));
        assertThat(answer).as("an answer without a 100 Continue first").isNull();
    }

    /** A caller that hangs up half-way through its body is not a server error: nothing to answer, nothing stored. */
    @Test
    void aCallerHangingUpWhileSendingIsNoError() throws Exception {
        String clinic = newClinic();
        long before = storedRows(clinic);
        List<String> errors = new CopyOnWriteArrayList<>();
        ExtHandler errorLog = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record.getFormattedMessage());
                }
            }
        };
        Logger root = LogContext.getLogContext().getLogger("");
        root.addHandler(errorLog);
        try {
            RawHttp.hangUpWhileSending(
                    RestAssured.port,
                    "POST",
                    SUBMISSION.path(clinic, new ArrayList<>()),
                    submissionHeaders(clinic),
                    "{\"instrumentCode\": \"NRS_BACK_PAIN\", ");
            Thread.sleep(500);
        } finally {
            root.removeHandler(errorLog);
        }
        assertThat(errors).isEmpty();
        assertThat(storedRows(clinic)).isEqualTo(before);
    }

    private static Map<String, String> submissionHeaders(String clinic) {
        return Map.of(
                "Authorization",
                "Bearer " + SUBMISSION.token(clinic),
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                UUID.randomUUID().toString());
    }
}
