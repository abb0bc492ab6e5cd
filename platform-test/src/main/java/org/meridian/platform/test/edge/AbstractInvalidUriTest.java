package org.meridian.platform.test.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.http.RawHttp;

/**
 * A URI that cannot be parsed ({@code %zz}, a raw {@code |}) got an empty 400 from Quarkus, before any route: not a
 * problem document, and nothing named what was wrong. Sent raw, since HTTP clients refuse to send such URIs. The check
 * comes before authentication, so no token is needed.
 */
public abstract class AbstractInvalidUriTest {

    @Test
    void aQueryParameterThatIsNotValidPercentEncodingIsAProblemNamingIt() throws IOException {
        RawHttp.Response answer = get("/api/v1/anything?page=1&instrument=%zz");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        JsonPath problem = new JsonPath(answer.body());
        assertThat(problem.getString("type")).isEqualTo("urn:meridian:problem:validation-error");
        assertThat(problem.getString("detail")).startsWith("Query parameter 'instrument' is not a valid URI component");
        assertThat(problem.getString("errors[0].field")).isEqualTo("instrument");
        assertThat(problem.getString("errors[0].code")).isEqualTo("invalid_format");
        assertThat(problem.getString("requestId")).isNotBlank();
    }

    @Test
    void aCharacterAUriMayNotHoldRawIsAProblemToo() throws IOException {
        RawHttp.Response answer = get("/api/v1/anything?q=a|b");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(new JsonPath(answer.body()).getString("errors[0].field")).isEqualTo("q");
    }

    @Test
    void anInvalidEscapeInThePathIsAProblemNamingThePath() throws IOException {
        RawHttp.Response answer = get("/api/v1/anything/%zz/more");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(new JsonPath(answer.body()).getString("errors[0].field")).isEqualTo("path");
    }

    @Test
    void onTheFhirEndpointTheAnswerIsAnOperationOutcomeNamingTheParameter() throws IOException {
        RawHttp.Response answer = get("/fhir/r4/Observation?patient=%zz");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/fhir+json");
        JsonPath outcome = new JsonPath(answer.body());
        assertThat(outcome.getString("resourceType")).isEqualTo("OperationOutcome");
        assertThat(outcome.getString("issue[0].code")).isEqualTo("invalid");
        assertThat(outcome.getString("issue[0].expression[0]")).isEqualTo("patient");
    }

    /** The problem echoes the parameter's name: it keeps the bounds the Problem schema declares, however long. */
    @Test
    void theProblemKeepsItsDeclaredBoundsWhateverTheParameterIsCalled() throws IOException {
        String name = "n".repeat(3000);
        RawHttp.Response answer = get("/api/v1/anything?" + name + "=%zz");

        assertThat(answer.status()).isEqualTo(400);
        JsonPath problem = new JsonPath(answer.body());
        assertThat(problem.getString("errors[0].field")).hasSize(500).startsWith("nnn");
        assertThat(problem.getString("detail").length()).isLessThanOrEqualTo(2000);
    }

    @Test
    void aValidlyEncodedQueryStillPassesTheCheck() throws IOException {
        RawHttp.Response answer = get("/api/v1/anything?q=b+c%20d%C3%A9");

        assertThat(answer.status()).isNotEqualTo(400);
    }

    private static RawHttp.Response get(String path) throws IOException {
        return RawHttp.send("127.0.0.1", RestAssured.port, "GET", path, Map.of(), null);
    }
}
