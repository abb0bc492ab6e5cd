package org.meridian.platform.test.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.edge.DocumentedOperations.Operation;
import org.meridian.platform.test.http.RawHttp;

/**
 * Found by an outside audit (issue #13): a chunked body (no Content-Length) over the size limit was accepted, a larger
 * one got an empty 413; a body without Content-Type was read as JSON. The body rules are checked on every operation of
 * the OpenAPI document and the CapabilityStatement that takes a body.
 */
public abstract class AbstractRequestBodyRulesTest {

    protected static final int LIMIT = 1024 * 1024;

    /** A clinic for the calls: one that exists where only an existing clinic's calls reach the resource. */
    protected abstract String newClinic();

    /** Operations with a body that must be among those checked, as "METHOD /template". */
    protected abstract List<String> expectedOperationsWithBody();

    /** Rows a refused body would have stored: the count must not change. */
    protected abstract long storedRows(String clinic);

    /** A JSON operation that creates a clinic's object, and the start of a valid body for it. */
    protected abstract Operation jsonCreate();

    protected abstract String jsonCreateBody();

    /** A FHIR resource type the service creates. */
    protected abstract String fhirCreateType();

    /** Headers every write with a body carries besides its Content-Type (such as an Idempotency-Key). */
    protected Map<String, String> writeHeaders() {
        return Map.of();
    }

    private Map<String, String> headers(String token, String contentType) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + token));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
            headers.putAll(writeHeaders());
        }
        return headers;
    }

    private static String contentTypeOf(Operation operation) {
        return operation.isFhir() ? "application/fhir+json" : "application/json";
    }

    @Test
    void refusesAChunkedBodyOverTheLimitOnEveryOperationThatTakesABody() throws Exception {
        String clinic = newClinic();
        List<Operation> operations = DocumentedOperations.load().withBody();
        assertThat(operations).extracting(Operation::name).containsAll(expectedOperationsWithBody());
        long before = storedRows(clinic);
        for (Operation operation : operations) {
            RawHttp.Response answer = RawHttp.chunkedUpload(
                    RestAssured.port,
                    operation.method(),
                    operation.path(clinic, new ArrayList<>()),
                    headers(operation.token(clinic), contentTypeOf(operation)),
                    2L * LIMIT);
            assertThat(answer.status()).as(operation.name()).isEqualTo(413);
            if (operation.isFhir()) {
                assertThat(answer.header("Content-Type")).as(operation.name()).startsWith("application/fhir+json");
                assertThat(answer.body()).as(operation.name()).contains("\"too-costly\"");
            } else {
                assertThat(answer.header("Content-Type")).as(operation.name()).isEqualTo("application/problem+json");
                assertThat(answer.body())
                        .as(operation.name())
                        .contains("urn:meridian:problem:payload-too-large")
                        .contains(Integer.toString(LIMIT));
            }
        }
        assertThat(storedRows(clinic)).isEqualTo(before);
    }

    @Test
    void refusesAHugeChunkedBodyWithAProblemDocumentToo() throws Exception {
        String clinic = newClinic();
        RawHttp.Response answer = RawHttp.chunkedUpload(
                RestAssured.port,
                "POST",
                jsonCreate().path(clinic, new ArrayList<>()),
                headers(jsonCreate().token(clinic), "application/json"),
                12L * LIMIT);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("urn:meridian:problem:payload-too-large");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithAProblemDocument() {
        char[] padding = new char[2 * LIMIT];
        Arrays.fill(padding, ' ');
        String clinic = newClinic();
        given().auth()
                .oauth2(jsonCreate().token(clinic))
                .contentType(ContentType.JSON)
                .header("X-Request-Id", "too-big-1")
                .headers(writeHeaders())
                .body(jsonCreateBody() + new String(padding))
                .when()
                .post(jsonCreate().path(clinic, new ArrayList<>()))
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .header("X-Request-Id", "too-big-1")
                .body("type", equalTo("urn:meridian:problem:payload-too-large"))
                .body("requestId", equalTo("too-big-1"));
        given().auth()
                .oauth2(jsonCreate().token(clinic))
                .contentType("application/fhir+json")
                .body("{\"resourceType\": \"" + fhirCreateType() + "\"}" + new String(padding))
                .when()
                .post("/fhir/r4/" + fhirCreateType())
                .then()
                .statusCode(413)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("too-costly"));
    }

    /** A body that stops arriving half-way is a 408 once the read timeout (3 s in the tests) has passed. */
    @Test
    void answersABodyThatStopsArrivingWith408() throws Exception {
        String clinic = newClinic();
        long before = storedRows(clinic);
        RawHttp.Response answer = RawHttp.stallWhileSending(
                RestAssured.port,
                "POST",
                jsonCreate().path(clinic, new ArrayList<>()),
                headers(jsonCreate().token(clinic), "application/json"),
                jsonCreateBody());
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("urn:meridian:problem:http-408").contains("did not arrive");
        assertThat(storedRows(clinic)).isEqualTo(before);
    }

    /**
     * A call whose token does not verify is refused before its body is read: a caller without a valid token cannot make
     * a service hold a body in memory for the read timeout (it got a 408 after it, its body read, before the 401).
     */
    @Test
    void refusesACallWithATokenThatDoesNotVerifyBeforeReadingItsBody() throws Exception {
        String clinic = newClinic();
        long before = storedRows(clinic);
        String tampered = jsonCreate().token(clinic) + "x";
        RawHttp.Response answer = RawHttp.stallWhileSending(
                RestAssured.port,
                "POST",
                jsonCreate().path(clinic, new ArrayList<>()),
                headers(tampered, "application/json"),
                jsonCreateBody());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(storedRows(clinic)).isEqualTo(before);
    }

    @Test
    void refusesABodyWithoutContentTypeOnEveryOperationThatTakesABody() throws Exception {
        String clinic = newClinic();
        for (Operation operation : DocumentedOperations.load().withBody()) {
            RawHttp.Response answer = RawHttp.send(
                    "127.0.0.1",
                    RestAssured.port,
                    operation.method(),
                    operation.path(clinic, new ArrayList<>()),
                    headers(operation.token(clinic), null),
                    "{}");
            assertThat(answer.status()).as(operation.name()).isEqualTo(415);
            if (operation.isFhir()) {
                assertThat(answer.header("Content-Type")).as(operation.name()).startsWith("application/fhir+json");
                assertThat(answer.body())
                        .as(operation.name())
                        .contains("OperationOutcome")
                        .contains("Content-Type");
            } else {
                assertThat(answer.header("Content-Type")).as(operation.name()).isEqualTo("application/problem+json");
                assertThat(answer.body()).as(operation.name()).contains("Content-Type");
            }
        }
    }
}
