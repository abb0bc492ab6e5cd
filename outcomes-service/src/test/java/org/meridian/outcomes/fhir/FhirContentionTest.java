package org.meridian.outcomes.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.IntakeScript;
import org.meridian.platform.test.fhir.FhirInstanceValidation;
import org.meridian.platform.test.http.ConcurrentCalls;
import org.meridian.platform.test.security.TestTokens;

/**
 * Many retries of one idempotent submission at once, with the service's real pool settings: exactly one stored
 * response, and every caller gets it (201 for the first, 200 for the others), never a 500 from an exhausted pool.
 * Both ways in: FHIR conditional create and the native API's Idempotency-Key.
 */
@QuarkusTest
class FhirContentionTest {

    private static final int CALLERS = 64;
    private static final Instant ANSWERED =
            Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @TestHTTPResource("/")
    URI root;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    /** intake issued the patient's pseudonym; its PatientRegistered event has not reached outcomes yet. */
    @BeforeEach
    void intakeIssuedThePatient() {
        IntakeScript.pseudonymIssued(clinic, patient);
    }

    @Test
    void sixtyFourConcurrentConditionalCreatesOfOneResponseAllGetTheOneResponse() throws Exception {
        String identifier = "crowd-" + UUID.randomUUID();
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("back_pain_nrs", 4);
        QuestionnaireResponse response = FhirRequests.response(
                "https://meridian.example/fhir/Questionnaire/nrs-back-pain|1.0", patient, ANSWERED, answers);
        HttpRequest request = HttpRequest.newBuilder(root.resolve("/fhir/r4/QuestionnaireResponse"))
                .header("Authorization", "Bearer " + practitioner)
                .header("Content-Type", FhirRequests.FHIR_JSON)
                .header("Accept", FhirRequests.FHIR_JSON)
                .header("If-None-Exist", "identifier=urn:ehr:acme:qr%7C" + identifier)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(FhirInstanceValidation.json(response)))
                .build();

        assertOneCreatedAndTheRestReplayed(ConcurrentCalls.send(request, CALLERS));
    }

    @Test
    void sixtyFourConcurrentNativeSubmissionsWithOneIdempotencyKeyAllGetTheOneAssessment() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        root.resolve("/api/v1/outcomes/clinics/" + clinic + "/patients/" + patient + "/assessments"))
                .header("Authorization", "Bearer " + practitioner)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "crowd-" + UUID.randomUUID())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"instrumentCode": "NRS_BACK_PAIN", "timepoint": "AD_HOC", "answeredAt": "%s",
                         "answers": {"back_pain_nrs": 4}}""".formatted(ANSWERED)))
                .build();

        assertOneCreatedAndTheRestReplayed(ConcurrentCalls.send(request, CALLERS));
    }

    private static void assertOneCreatedAndTheRestReplayed(List<HttpResponse<String>> responses) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        responses.forEach(response -> statuses.merge(response.statusCode(), 1, Integer::sum));
        assertThat(statuses)
                .as("statuses of %d concurrent submissions", CALLERS)
                .containsOnlyKeys(200, 201)
                .containsEntry(201, 1);
        assertThat(responses.stream().map(ConcurrentCalls::id).distinct()).hasSize(1);
    }
}
