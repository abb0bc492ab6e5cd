package org.meridian.outcomes.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.post;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.IntakeScript;
import org.meridian.platform.test.metrics.Scrape;
import org.meridian.platform.test.security.TestTokens;

/** docs/observability.md#business-metrics: each submission moves exactly its series, read from /q/metrics. */
@QuarkusTest
class SubmissionMetricsTest {

    private static final String SUBMISSIONS = "meridian_submissions_total";
    private static final String BY_CLINIC = "meridian_submissions_by_clinic_total";
    private static final String SCORING_FAILURES = "meridian_scoring_failures_total";
    private static final OffsetDateTime ANSWERED =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    @BeforeEach
    void intakeIssuedThePatient() {
        IntakeScript.pseudonymIssued(clinic, patient);
    }

    private static Map<String, String> submission(String instrument, String outcome, String reason, String channel) {
        return Map.of("instrument", instrument, "outcome", outcome, "reason", reason, "channel", channel);
    }

    private Map<String, String> clinic(String outcome) {
        return Map.of("clinic_id", clinic.toString(), "outcome", outcome);
    }

    @Test
    void aStoredAReplayedAndAnUnscorableSubmissionMoveTheirSeriesByOneEach() {
        Map<String, String> stored = submission("NRS_BACK_PAIN", "stored", "none", "api");
        Map<String, String> replayed = submission("NRS_BACK_PAIN", "replayed", "none", "api");
        Map<String, String> unscorable = submission("NRS_BACK_PAIN", "rejected", "unscorable", "api");
        Map<String, String> rejectedScoring = Map.of("instrument", "NRS_BACK_PAIN", "kind", "rejected");
        Map<String, String> failedScoring = Map.of("instrument", "NRS_BACK_PAIN", "kind", "error");
        Scrape before = Scrape.of(metrics);
        assertThat(before.has(SCORING_FAILURES, failedScoring))
                .as("registered at start")
                .isTrue();

        String key = UUID.randomUUID().toString();
        var answers = body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6));
        post(practitioner, clinic, patient, key, answers).statusCode(201);
        post(practitioner, clinic, patient, key, answers).statusCode(200);
        post(practitioner, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(11)))
                .statusCode(422);

        Scrape after = Scrape.of(metrics);
        for (var series : new Map[] {stored, replayed, unscorable}) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = series;
            assertThat(after.value(SUBMISSIONS, labels) - before.value(SUBMISSIONS, labels))
                    .as(labels.toString())
                    .isEqualTo(1.0);
        }
        assertThat(before.has(BY_CLINIC, clinic("stored"))).isFalse();
        assertThat(after.value(BY_CLINIC, clinic("stored"))).isEqualTo(1.0);
        assertThat(after.value(BY_CLINIC, clinic("replayed"))).isEqualTo(1.0);
        assertThat(after.value(BY_CLINIC, clinic("rejected"))).isEqualTo(1.0);
        assertThat(after.value(SCORING_FAILURES, rejectedScoring) - before.value(SCORING_FAILURES, rejectedScoring))
                .isEqualTo(1.0);
        assertThat(after.value(SCORING_FAILURES, failedScoring))
                .isEqualTo(before.value(SCORING_FAILURES, failedScoring));
    }

    @Test
    void aRejectionForAForeignClinicCountsButMintsNoClinicSeries() {
        UUID foreign = UUID.randomUUID();
        Map<String, String> notFound = submission("unknown", "rejected", "not_found", "api");
        Scrape before = Scrape.of(metrics);

        post(practitioner, foreign, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(404);

        Scrape after = Scrape.of(metrics);
        assertThat(after.value(SUBMISSIONS, notFound) - before.value(SUBMISSIONS, notFound))
                .isEqualTo(1.0);
        assertThat(after.text()).doesNotContain(foreign.toString()).doesNotContain(clinic.toString());
    }

    @Test
    void anUnknownInstrumentIsUnknownNeverTheCodeSent() {
        Map<String, String> unprocessable = submission("unknown", "rejected", "unprocessable", "api");
        Scrape before = Scrape.of(metrics);

        post(practitioner, clinic, patient, body("NO_SUCH_SCALE", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(422);

        Scrape after = Scrape.of(metrics);
        assertThat(after.value(SUBMISSIONS, unprocessable) - before.value(SUBMISSIONS, unprocessable))
                .isEqualTo(1.0);
        assertThat(after.value(BY_CLINIC, clinic("rejected"))).isEqualTo(1.0);
        assertThat(after.text()).doesNotContain("NO_SUCH_SCALE");
    }

    @Test
    void invalidAndForbiddenSubmissionsAreRejectedWithTheirReasonsAndOnlyTheInvalidOneCountsForTheClinic() {
        Map<String, String> invalid = submission("unknown", "rejected", "invalid", "api");
        Map<String, String> forbidden = submission("unknown", "rejected", "forbidden", "api");
        Scrape before = Scrape.of(metrics);

        var noAnswerTime = body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6));
        noAnswerTime.remove("answeredAt");
        post(practitioner, clinic, patient, noAnswerTime).statusCode(400);
        String researcherOfTheClinic = TestTokens.claims("researcher")
                .claim("clinic_id", clinic.toString())
                .sign();
        post(researcherOfTheClinic, clinic, patient, body("NRS_BACK_PAIN", "BASELINE", ANSWERED, nrs(6)))
                .statusCode(403);

        Scrape after = Scrape.of(metrics);
        assertThat(after.value(SUBMISSIONS, invalid) - before.value(SUBMISSIONS, invalid))
                .isEqualTo(1.0);
        assertThat(after.value(SUBMISSIONS, forbidden) - before.value(SUBMISSIONS, forbidden))
                .isEqualTo(1.0);
        assertThat(after.value(BY_CLINIC, clinic("rejected")))
                .as("the 400 only")
                .isEqualTo(1.0);
    }

    @Test
    void aFhirQuestionnaireResponseCountsOnTheFhirChannel() {
        Map<String, String> stored = submission("NRS_LEG_PAIN", "stored", "none", "fhir");
        Scrape before = Scrape.of(metrics);
        String body = """
                {"resourceType": "QuestionnaireResponse", "status": "completed",
                 "questionnaire": "https://meridian.example/fhir/Questionnaire/nrs-leg-pain|1.0",
                 "subject": {"type": "Patient", "identifier": {
                     "system": "https://meridian.example/fhir/sid/pseudonym-id", "value": "%s"}},
                 "authored": "%s",
                 "item": [{"linkId": "leg_pain_nrs", "answer": [{"valueInteger": 2}]}]}""".formatted(patient, ANSWERED.toInstant());
        given().auth()
                .oauth2(practitioner)
                .contentType("application/fhir+json")
                .accept("application/fhir+json")
                .body(body)
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then()
                .statusCode(201);

        Scrape after = Scrape.of(metrics);
        assertThat(after.value(SUBMISSIONS, stored) - before.value(SUBMISSIONS, stored))
                .isEqualTo(1.0);
        assertThat(after.value(BY_CLINIC, clinic("stored"))).isEqualTo(1.0);
    }
}
