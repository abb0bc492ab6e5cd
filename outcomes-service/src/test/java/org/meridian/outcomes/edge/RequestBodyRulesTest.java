package org.meridian.outcomes.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.edge.DocumentedOperations.Operation;
import org.meridian.platform.test.http.RawHttp;

/**
 * Found by an outside audit (issue #13): a chunked body (no Content-Length) over the size limit was accepted by
 * assessment submissions and FHIR QuestionnaireResponse, a larger one got an empty 413; a body without Content-Type was
 * read as JSON; a lone UTF-16 surrogate was stored as '?'. The body rules are checked on every operation of the OpenAPI
 * document that takes a body.
 */
@QuarkusTest
class RequestBodyRulesTest {

    private static final int LIMIT = 1024 * 1024;

    @TestHTTPResource("/")
    URL service;

    @Inject
    AgroalDataSource dataSource;

    private final String clinic = UUID.randomUUID().toString();
    private final Operation submission = new Operation("POST",
            "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments", true);

    private static Map<String, String> headers(String token, String contentType) {
        return contentType == null ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Content-Type", contentType, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static String contentTypeOf(Operation operation) {
        return operation.isFhir() ? "application/fhir+json" : "application/json";
    }

    private long assessments() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from outcomes.assessment")) {
            result.next();
            return result.getLong(1);
        }
    }

    @Test
    void refusesAChunkedBodyOverTheLimitOnEveryOperationThatTakesABody() throws Exception {
        List<Operation> operations = DocumentedOperations.load().withBody();
        assertThat(operations).extracting(Operation::name).contains(submission.name(), "POST /fhir/r4/QuestionnaireResponse");
        long before = assessments();
        for (Operation operation : operations) {
            RawHttp.Response answer = RawHttp.chunkedUpload(service.getPort(), operation.method(),
                    operation.path(clinic, new ArrayList<>()), headers(operation.token(clinic), contentTypeOf(operation)),
                    2L * LIMIT);
            assertThat(answer.status()).as(operation.name()).isEqualTo(413);
            if (operation.isFhir()) {
                assertThat(answer.header("Content-Type")).as(operation.name()).startsWith("application/fhir+json");
                assertThat(answer.body()).as(operation.name()).contains("\"too-costly\"");
            } else {
                assertThat(answer.header("Content-Type")).as(operation.name()).isEqualTo("application/problem+json");
                assertThat(answer.body()).as(operation.name()).contains("urn:meridian:problem:payload-too-large")
                        .contains(Integer.toString(LIMIT));
            }
        }
        assertThat(assessments()).isEqualTo(before);
    }

    @Test
    void refusesAHugeChunkedBodyWithAProblemDocumentToo() throws Exception {
        RawHttp.Response answer = RawHttp.chunkedUpload(service.getPort(), "POST", submission.path(clinic, new ArrayList<>()),
                headers(submission.token(clinic), "application/json"), 12L * LIMIT);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("urn:meridian:problem:payload-too-large");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithAProblemDocument() {
        char[] padding = new char[2 * LIMIT];
        Arrays.fill(padding, ' ');
        given().auth().oauth2(submission.token(clinic)).contentType(ContentType.JSON).header("X-Request-Id", "too-big-1")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"instrumentCode\": \"NRS_BACK_PAIN\"}" + new String(padding))
                .when().post(submission.path(clinic, new ArrayList<>()))
                .then().statusCode(413)
                .contentType("application/problem+json")
                .header("X-Request-Id", "too-big-1")
                .body("type", equalTo("urn:meridian:problem:payload-too-large"))
                .body("requestId", equalTo("too-big-1"));
        given().auth().oauth2(submission.token(clinic)).contentType("application/fhir+json")
                .body("{\"resourceType\": \"QuestionnaireResponse\"}" + new String(padding))
                .when().post("/fhir/r4/QuestionnaireResponse")
                .then().statusCode(413)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("too-costly"));
    }

    @Test
    void refusesABodyWithoutContentTypeOnEveryOperationThatTakesABody() throws Exception {
        for (Operation operation : DocumentedOperations.load().withBody()) {
            RawHttp.Response answer = RawHttp.send("127.0.0.1", service.getPort(), operation.method(),
                    operation.path(clinic, new ArrayList<>()), headers(operation.token(clinic), null), "{}");
            assertThat(answer.status()).as(operation.name()).isEqualTo(415);
            if (operation.isFhir()) {
                assertThat(answer.header("Content-Type")).as(operation.name()).startsWith("application/fhir+json");
                assertThat(answer.body()).as(operation.name()).contains("OperationOutcome").contains("Content-Type");
            } else {
                assertThat(answer.header("Content-Type")).as(operation.name()).isEqualTo("application/problem+json");
                assertThat(answer.body()).as(operation.name()).contains("Content-Type");
            }
        }
    }

    @Test
    void refusesAnUnpairedSurrogateNamingTheField() {
        given().auth().oauth2(submission.token(clinic)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"instrumentCode\": \"NRS_BACK_PAIN\", \"timepoint\": \"AD_HOC\", \"answeredAt\": \"2026-01-02T10:00:00Z\","
                        + " \"answers\": {\"back_pain_nrs\": 4}, \"instrumentVersion\": \"1.0\\ud800\"}")
                .when().post(submission.path(clinic, new ArrayList<>()))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("instrumentVersion"))
                .body("errors[0].message", containsString("surrogate"));
        given().auth().oauth2(submission.token(clinic)).contentType("application/fhir+json")
                .body("{\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\","
                        + " \"item\": [{\"linkId\": \"back_pain_nrs\", \"text\": \"\\udc00\"}]}")
                .when().post("/fhir/r4/QuestionnaireResponse")
                .then().statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("item[0].text"));
    }
}
