package org.meridian.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.http.RawHttp;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class GatewayRoutingTest {

    @Test
    void forwardsMethodPathQueryHeadersBodyAndStatus() {
        String body = "{\"name\":\"Harbour\"}";
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .header("X-Custom", "kept")
                .body(body)
                .when()
                .put("/api/v1/intake/clinics/42/teapot?page=2&size=5")
                .then()
                .statusCode(418)
                .header("X-Upstream", "intake")
                .body("method", equalTo("PUT"))
                .body("uri", equalTo("/api/v1/intake/clinics/42/teapot?page=2&size=5"))
                .body("custom", equalTo("kept"))
                .body("bodyLength", equalTo(body.length()));
    }

    @Test
    void streamsALargeBodyThroughUnchanged() {
        char[] payload = new char[4 * 1024 * 1024];
        Arrays.fill(payload, 'x');
        String body = new String(payload);
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .contentType(ContentType.TEXT)
                .body(body)
                .when()
                .post("/api/v1/intake/uploads")
                .then()
                .statusCode(200)
                .body("bodyLength", equalTo(body.length()))
                .body("bodySha", equalTo(Integer.toHexString(body.hashCode())));
    }

    @Test
    void addsARequestIdWhenTheCallerHasNone() {
        String id = given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract()
                .header("X-Request-Id");
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .body("requestId", matchesPattern("[0-9a-f-]{36}"))
                .header("X-Request-Id", org.hamcrest.Matchers.not(equalTo(id)));
    }

    @Test
    void passesTheCallersRequestIdOnAndBack() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .header("X-Request-Id", "app-7f3a")
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "app-7f3a")
                .body("requestId", equalTo("app-7f3a"));
    }

    @Test
    void tellsTheServiceItsPublicHostAndScheme() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(200)
                .body("forwardedHost", notNullValue())
                .body("forwardedProto", equalTo("http"));
    }

    /**
     * Found by an outside audit: the gateway appended its peer to the caller's X-Forwarded-For, and the services
     * stored the caller's forged first entry as the audit trail's remote address.
     */
    @Test
    void replacesTheForwardingHeadersTheCallerSentWithWhatTheGatewaySaw() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .header("X-Forwarded-For", "203.0.113.66")
                .header("Forwarded", "for=203.0.113.66;proto=https;host=evil.example")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Port", "4443")
                .header("X-Real-IP", "203.0.113.66")
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(200)
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("forwardedProto", equalTo("http"))
                .body("forwardedHost", org.hamcrest.Matchers.startsWith("localhost:"))
                .body("forwarded", nullValue())
                .body("forwardedPrefix", nullValue())
                .body("forwardedPort", nullValue())
                .body("realIp", nullValue());
    }

    /** Found by an outside audit: the gateway's own 404 for a path no service owns was an HTML page. */
    @Test
    void answersAnyPathNobodyServesWith404ProblemNotAnHtmlPage() {
        for (String path : new String[] {"/q/metrics", "/q/health/ready", "/", "/favicon.ico", "/nothing/here"}) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("type", equalTo("urn:meridian:problem:not-found"))
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void answersAnUnroutedApiPathWith404Problem() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .header("X-Request-Id", "nowhere-1")
                .when()
                .get("/api/v1/billing/invoices/42")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:meridian:problem:not-found"))
                .body("instance", equalTo("/api/v1/billing/invoices/42"))
                .body("requestId", equalTo("nowhere-1"));
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .post("/api/v2/anything")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void answersAnUnknownFhirResourceTypeWithOperationOutcome() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/fhir/r4/Unknown/1")
                .then()
                .statusCode(404)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
    }

    @TestHTTPResource("/")
    URL gateway;

    /**
     * Found by an outside audit: more than 128 pipelined requests to an unrouted path got a plain-text 500 and the
     * connection stalled. Each request answered at once started the next one a level deeper on the stack, until it
     * overflowed; one token per variant, so that after the first verification every answer is immediate (past the
     * user's rate limit the answers are 429s, immediate too).
     */
    @Test
    void answersEveryOneOfManyPipelinedRequestsToAnUnroutedPath() throws Exception {
        assertEveryPipelinedRequestAnswered(
                "/api/v1/nowhere/",
                "Bearer " + TestTokens.practitioner(UUID.randomUUID()),
                List.of(404, 429),
                "application/problem+json");
        assertEveryPipelinedRequestAnswered(
                "/fhir/r4/Unknown/",
                "Bearer " + TestTokens.practitioner(UUID.randomUUID()),
                List.of(404, 429),
                "application/fhir+json");
        assertEveryPipelinedRequestAnswered("/api/v1/nowhere/", null, List.of(401), "application/problem+json");
        assertEveryPipelinedRequestAnswered("/nowhere/", null, List.of(404), null);
    }

    private void assertEveryPipelinedRequestAnswered(
            String pathPrefix, String authorization, List<Integer> statuses, String contentType) throws Exception {
        int count = 1000;
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add("GET " + pathPrefix + i + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "X-Request-Id: pipelined-" + i + "\r\n\r\n");
        }
        List<RawHttp.Response> answers = RawHttp.pipelined(gateway.getPort(), requests);
        assertThat(answers).hasSize(count);
        for (int i = 0; i < count; i++) {
            RawHttp.Response answer = answers.get(i);
            assertThat(answer.status()).as("%s answer %d", pathPrefix, i).isIn(statuses);
            assertThat(answer.header("X-Request-Id"))
                    .as("%s answer %d", pathPrefix, i)
                    .isEqualTo("pipelined-" + i);
            if (contentType != null) {
                assertThat(answer.header("Content-Type"))
                        .as("%s answer %d", pathPrefix, i)
                        .isEqualTo(contentType);
            }
        }
    }

    /** A URI that cannot be parsed got Quarkus's empty 400, before any route: now a problem, sent raw here. */
    @Test
    void answersAUriThatCannotBeParsedWithAProblemDocument() throws Exception {
        for (String path :
                List.of("/api/v1/intake/clinics?q=%zz", "/api/v1/intake/clinics?q=a|b", "/api/v1/intake/%zz")) {
            RawHttp.Response answer = RawHttp.send("127.0.0.1", gateway.getPort(), "GET", path, Map.of(), null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).isEqualTo("application/problem+json");
            assertThat(answer.body()).as(path).contains("urn:meridian:problem:validation-error");
        }
        RawHttp.Response fhir =
                RawHttp.send("127.0.0.1", gateway.getPort(), "GET", "/fhir/r4/Observation?patient=%zz", Map.of(), null);
        assertThat(fhir.status()).isEqualTo(400);
        assertThat(fhir.header("Content-Type")).isEqualTo("application/fhir+json");
        assertThat(fhir.body()).contains("\"code\":\"invalid\"");
    }

    /** The gateway's problems echo the path: they keep the bounds the merged document's Problem schema declares. */
    @Test
    void aProblemAboutAVeryLongPathKeepsItsDeclaredBounds() throws Exception {
        String path = "/nowhere/" + "a".repeat(3000);
        RawHttp.Response answer = RawHttp.send("127.0.0.1", gateway.getPort(), "GET", path, Map.of(), null);

        assertThat(answer.status()).isEqualTo(404);
        JsonObject problem = new JsonObject(answer.body());
        assertThat(problem.getString("instance")).hasSize(2000).startsWith("/nowhere/aaa");
        assertThat(problem.getString("detail").length()).isLessThanOrEqualTo(2000);
    }

    @Test
    void answers502ProblemWhenTheServiceIsDown() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .header("X-Request-Id", "down-1")
                .when()
                .get("/api/v1/outcomes/instruments")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(502))
                .body("type", equalTo("urn:meridian:problem:upstream-unavailable"))
                .body("detail", containsString("outcomes"))
                .body("requestId", equalTo("down-1"));
    }

    @Test
    void answers504ProblemWhenTheServiceIsTooSlow() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/api/v1/intake/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("type", equalTo("urn:meridian:problem:upstream-timeout"));
    }

    @Test
    void routesFhirResourceTypesToTheServiceThatOwnsThem() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/fhir/r4/Patient?identifier=mrn|123")
                .then()
                .statusCode(200)
                .body("uri", equalTo("/fhir/r4/Patient?identifier=mrn%7C123"));
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/fhir/r4/Procedure/42")
                .then()
                .statusCode(200)
                .body("uri", equalTo("/fhir/r4/Procedure/42"));
    }

    @Test
    void answersFhirFailuresWithOperationOutcome() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/fhir/r4/Observation?patient=1")
                .then()
                .statusCode(502)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("transient"));
        given().when()
                .get("/fhir/r4/Patient")
                .then()
                .statusCode(401)
                .contentType("application/fhir+json")
                .body("issue[0].code", equalTo("login"));
    }
}
