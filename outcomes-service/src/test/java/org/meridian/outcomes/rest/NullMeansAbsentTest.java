package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.Submissions.answers;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.path;
import static org.meridian.outcomes.Submissions.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.IntakeScript;
import org.meridian.platform.test.security.TestTokens;

/**
 * The document declares every optional request field nullable (see NullableRequestFields): a body sending null for
 * each of them must be accepted exactly like one omitting them.
 */
@QuarkusTest
class NullMeansAbsentTest {

    private static final OffsetDateTime ANSWERED =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);

    private final UUID clinic = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    private static Map<String, Object> withNulls(Map<String, Object> body, String... fields) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (String field : fields) {
            copy.put(field, null);
        }
        return copy;
    }

    /** A patient intake registered in the clinic, whose PatientRegistered event has not reached outcomes yet. */
    private UUID issuedPseudonym() {
        UUID pseudonym = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, pseudonym);
        return pseudonym;
    }

    private static void assertSame(JsonPath omitted, JsonPath nulled, String... fields) {
        for (String field : fields) {
            assertThat((Object) nulled.get(field)).as(field).isEqualTo(omitted.get(field));
        }
    }

    @Test
    void submission() {
        Map<String, Object> body = body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6));
        UUID first = issuedPseudonym();
        UUID second = issuedPseudonym();
        JsonPath omitted = post(practitioner, clinic, first, body)
                .statusCode(201)
                .extract()
                .jsonPath();
        JsonPath nulled = post(
                        practitioner,
                        clinic,
                        second,
                        withNulls(
                                body,
                                "submissionId",
                                "instrumentVersion",
                                "sessionId",
                                "episodeId",
                                "followUpWeeks",
                                "recallPeriod",
                                "draft"))
                .statusCode(201)
                .extract()
                .jsonPath();
        assertSame(
                omitted,
                nulled,
                "instrumentVersion",
                "sessionId",
                "episodeId",
                "followUpWeeks",
                "recallPeriod",
                "status",
                "score");
    }

    @Test
    void draftCompletion() {
        UUID patient = issuedPseudonym();
        Map<String, Object> draft = new HashMap<>(body("PEG", "BASELINE", ANSWERED, answers("peg_pain", 6)));
        draft.put("draft", true);
        ExtractableResponse<Response> created =
                post(practitioner, clinic, patient, draft).statusCode(201).extract();
        Map<String, Object> completion = new HashMap<>();
        completion.put("answers", answers("peg_pain", 6, "peg_enjoyment", 5, "peg_general_activity", 4));
        completion.put("answeredAt", null);
        completion.put("draft", null);
        given().auth()
                .oauth2(practitioner)
                .contentType(ContentType.JSON)
                .body(completion)
                .header("If-Match", created.header("ETag"))
                .when()
                .put(path(clinic, patient) + "/" + created.path("id"))
                .then()
                .statusCode(200);
    }
}
