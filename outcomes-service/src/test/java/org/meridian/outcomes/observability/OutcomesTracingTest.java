package org.meridian.outcomes.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.platform.test.tracing.RecordedSpans.CALLER_SPAN_ID;
import static org.meridian.platform.test.tracing.RecordedSpans.TRACEPARENT;
import static org.meridian.platform.test.tracing.RecordedSpans.TRACE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.Submissions;
import org.meridian.platform.test.logging.JsonLogCapture;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.platform.test.tracing.RecordedSpans;

/**
 * outcomes continues the trace of a submission, with its database statements as child spans, passes it on when it asks
 * intake about the pseudonym, and logs the trace and clinic ids (JSON).
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
@TestProfile(OutcomesTracingTest.JsonLogs.class)
class OutcomesTracingTest {

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("MERIDIAN_LOG_FORMAT", "json");
        }
    }

    private static final String SUBMIT = "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments";

    @Inject
    InMemorySpanExporter exporter;

    RecordedSpans spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans = new RecordedSpans(exporter);
        spans.forget();
    }

    @Test
    void continuesTheCallersTraceIntoTheDatabaseAndIntakesPseudonymLookup() {
        UUID clinic = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, patient);

        submit(clinic, patient, "tracing-test");

        SpanData server = spans.awaitServerSpan("POST " + SUBMIT);
        assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        spans.await(span -> isStatement(span) && span.getTraceId().equals(TRACE_ID));
        List<SpanData> statements = spans.all().stream()
                .filter(span -> isStatement(span) && span.getTraceId().equals(TRACE_ID))
                .toList();
        assertThat(statements).isNotEmpty().allMatch(statement -> spans.descendsFrom(statement, server));

        String lookupTraceparent = lookupOf(clinic, patient).path("traceparent").asText();
        assertThat(lookupTraceparent).startsWith("00-" + TRACE_ID + "-").endsWith("-01");
        SpanData call = spans.withId(RecordedSpans.parentSpanId(lookupTraceparent));
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(spans.descendsFrom(call, server)).isTrue();
        assertThat(spans.all())
                .extracting(SpanData::getName)
                .noneMatch(name -> name.contains(clinic.toString()) || name.contains(patient.toString()));
    }

    @Test
    void jsonLogLineCarriesRequestTraceAndClinic() {
        UUID clinic = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        IntakeScript.pseudonymIssued(clinic, patient);
        try (JsonLogCapture logs = JsonLogCapture.start()) {
            submit(clinic, patient, "outcomes-log-test");

            JsonNode access = logs.await("POST " + SUBMIT + " 201");
            assertThat(access.path("level").asText()).isEqualTo("INFO");
            assertThat(access.path("service").asText()).isEqualTo("outcomes-service");
            assertThat(access.path("time").asText()).isNotBlank();
            assertThat(access.path("logger").asText()).isNotBlank();
            JsonNode mdc = access.path("mdc");
            assertThat(mdc.path("requestId").asText()).isEqualTo("outcomes-log-test");
            assertThat(mdc.path("traceId").asText()).isEqualTo(TRACE_ID);
            assertThat(mdc.path("spanId").asText()).matches("[0-9a-f]{16}");
            assertThat(mdc.path("clinicId").asText()).isEqualTo(clinic.toString());
            assertThat(access.toString()).doesNotContain(patient.toString());
        }
    }

    private static void submit(UUID clinic, UUID patient, String requestId) {
        given().auth()
                .oauth2(TestTokens.practitioner(clinic))
                .header("traceparent", TRACEPARENT)
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(body(
                        "NRS_BACK_PAIN",
                        "BASELINE",
                        OffsetDateTime.now(ZoneOffset.UTC).minusHours(1),
                        nrs(4)))
                .when()
                .post(Submissions.path(clinic, patient))
                .then()
                .statusCode(201);
    }

    private static JsonNode lookupOf(UUID clinic, UUID patient) {
        return IntakeScript.lookupsOf(clinic, patient).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "outcomes did not ask intake about the pseudonym: " + IntakeScript.lookups()));
    }

    static boolean isStatement(SpanData span) {
        return span.getInstrumentationScopeInfo().getName().contains("jdbc");
    }
}
