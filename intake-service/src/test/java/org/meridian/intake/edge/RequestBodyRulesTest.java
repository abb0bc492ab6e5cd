package org.meridian.intake.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.TableCounts;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.intake.edge.DocumentedOperations.Operation;
import org.meridian.platform.test.http.RawHttp;

/**
 * Found by an outside audit (issue #13): a chunked body (no Content-Length) over the size limit was accepted, a larger
 * one got an empty 413; a body without Content-Type was read as JSON; a lone UTF-16 surrogate was stored as '?'.
 * The body rules are checked on every operation of the OpenAPI document that takes a body.
 */
@QuarkusTest
class RequestBodyRulesTest {

    private static final int LIMIT = 1024 * 1024;

    @TestHTTPResource("/")
    URL service;

    @Inject
    TableCounts counts;

    private static Map<String, String> headers(String token, String contentType) {
        return contentType == null ? Map.of("Authorization", "Bearer " + token)
                : Map.of("Authorization", "Bearer " + token, "Content-Type", contentType);
    }

    private static String contentTypeOf(Operation operation) {
        return operation.isFhir() ? "application/fhir+json" : "application/json";
    }

    @Test
    void refusesAChunkedBodyOverTheLimitOnEveryOperationThatTakesABody() throws Exception {
        String clinic = Fixtures.clinic();
        List<Operation> operations = DocumentedOperations.load().withBody();
        assertThat(operations).extracting(Operation::name)
                .contains("POST /api/v1/intake/clinics/{clinicId}/patients", "POST /fhir/r4/Patient");
        long patientsBefore = counts.rows("patient", clinic);
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
        assertThat(counts.rows("patient", clinic)).isEqualTo(patientsBefore);
    }

    @Test
    void refusesAHugeChunkedBodyWithAProblemDocumentToo() throws Exception {
        String clinic = Fixtures.clinic();
        RawHttp.Response answer = RawHttp.chunkedUpload(service.getPort(), "POST", "/api/v1/intake/clinics/" + clinic + "/patients",
                headers(TestTokens.staff(UUID.fromString(clinic)), "application/json"), 12L * LIMIT);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("urn:meridian:problem:payload-too-large");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithAProblemDocument() {
        char[] padding = new char[2 * LIMIT];
        Arrays.fill(padding, ' ');
        String clinic = Fixtures.clinic();
        given().contentType(ContentType.JSON).header("X-Request-Id", "too-big-1").body("{\"name\": \"x\"}" + new String(padding))
                .when().post("/api/v1/intake/clinics/" + clinic + "/patients")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .header("X-Request-Id", "too-big-1")
                .body("type", equalTo("urn:meridian:problem:payload-too-large"))
                .body("requestId", equalTo("too-big-1"));
        given().contentType("application/fhir+json").auth().oauth2(TestTokens.staff(UUID.fromString(clinic)))
                .body("{\"resourceType\": \"Patient\"}" + new String(padding))
                .when().post("/fhir/r4/Patient")
                .then().statusCode(413)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("too-costly"));
    }

    @Test
    void acceptsABodyJustUnderTheLimit() {
        char[] padding = new char[LIMIT - 200];
        Arrays.fill(padding, ' ');
        given().contentType(ContentType.JSON).body("{\"name\": \"Padded Clinic\", \"timeZone\": \"Europe/London\"}" + new String(padding))
                .when().post("/api/v1/intake/clinics")
                .then().statusCode(201);
    }

    @Test
    void refusesABodyWithoutContentTypeOnEveryOperationThatTakesABody() throws Exception {
        String clinic = Fixtures.clinic();
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
        given().contentType(ContentType.JSON).body("{\"name\": \"Harbour \\ud800 Clinic\", \"timeZone\": \"Europe/London\"}")
                .when().post("/api/v1/intake/clinics")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("surrogate"));
        String clinic = Fixtures.clinic();
        given().contentType(ContentType.JSON)
                .body("{\"givenName\": \"Ann\", \"familyName\": \"Lee\", \"dateOfBirth\": \"1980-01-02\", \"sex\": \"FEMALE\","
                        + " \"identifiers\": [{\"system\": \"https://ehr.example/mrn\", \"value\": \"MRN-\\udc01\"}]}")
                .when().post("/api/v1/intake/clinics/" + clinic + "/patients")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("identifiers[0].value"));
        given().contentType("application/fhir+json").auth().oauth2(TestTokens.staff(UUID.fromString(clinic)))
                .body("{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Lee\\ud800\", \"given\": [\"Ann\"]}]}")
                .when().post("/fhir/r4/Patient")
                .then().statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("name[0].family"));
    }

    @Test
    void keepsAPairedSurrogate() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Harbour \\ud83c\\udf3f Clinic\", \"timeZone\": \"Europe/London\"}")
                .when().post("/api/v1/intake/clinics")
                .then().statusCode(201)
                .body("name", equalTo("Harbour \uD83C\uDF3F Clinic"));
    }
}
