package org.meridian.intake.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.platform.test.tracing.RecordedSpans.CALLER_SPAN_ID;
import static org.meridian.platform.test.tracing.RecordedSpans.TRACEPARENT;
import static org.meridian.platform.test.tracing.RecordedSpans.TRACE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.intake.TenantFixture;
import org.meridian.platform.test.logging.JsonLogCapture;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.platform.test.tracing.RecordedSpans;

/**
 * intake continues the trace of the call that reached it (outcomes' pseudonym lookup, the gateway), with its database
 * statements as child spans, and logs the trace and clinic ids (JSON).
 */
@QuarkusTest
@TestProfile(IntakeTracingTest.JsonLogs.class)
class IntakeTracingTest {

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("MERIDIAN_LOG_FORMAT", "json");
        }
    }

    private static final String LOOKUP = "/internal/v1/intake/clinics/{clinicId}/pseudonyms/{pseudonymId}";

    @Inject
    InMemorySpanExporter exporter;

    RecordedSpans spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans = new RecordedSpans(exporter);
        spans.forget();
    }

    @Test
    void continuesTheCallersTraceWithTheStatementsAsChildSpans() {
        TenantFixture tenant = TenantFixture.create();
        spans.forget();
        lookUp(tenant, "tracing-test");

        SpanData server = spans.awaitServerSpan("GET " + LOOKUP);
        assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        spans.await(span -> isStatement(span) && span.getTraceId().equals(TRACE_ID));
        List<SpanData> statements = spans.all().stream()
                .filter(span -> isStatement(span) && span.getTraceId().equals(TRACE_ID))
                .toList();
        assertThat(statements).isNotEmpty().allMatch(statement -> spans.descendsFrom(statement, server));
        assertThat(spans.all())
                .extracting(SpanData::getName)
                .noneMatch(name -> name.contains(tenant.clinicId()) || name.contains(tenant.pseudonymId()));
    }

    @Test
    void jsonLogLineCarriesRequestTraceAndClinic() {
        TenantFixture tenant = TenantFixture.create();
        try (JsonLogCapture logs = JsonLogCapture.start()) {
            lookUp(tenant, "intake-log-test");

            JsonNode access = logs.await("GET " + LOOKUP + " 200");
            assertThat(access.path("level").asText()).isEqualTo("INFO");
            assertThat(access.path("service").asText()).isEqualTo("intake-service");
            assertThat(access.path("time").asText()).isNotBlank();
            assertThat(access.path("logger").asText()).isNotBlank();
            JsonNode mdc = access.path("mdc");
            assertThat(mdc.path("requestId").asText()).isEqualTo("intake-log-test");
            assertThat(mdc.path("traceId").asText()).isEqualTo(TRACE_ID);
            assertThat(mdc.path("spanId").asText()).matches("[0-9a-f]{16}");
            assertThat(mdc.path("clinicId").asText()).isEqualTo(tenant.clinicId());
            assertThat(access.toString()).doesNotContain(tenant.pseudonymId());
        }
    }

    private static void lookUp(TenantFixture tenant, String requestId) {
        given().auth()
                .oauth2(TestTokens.service())
                .header("traceparent", TRACEPARENT)
                .header("X-Request-Id", requestId)
                .when()
                .get("/internal/v1/intake/clinics/" + tenant.clinicId() + "/pseudonyms/" + tenant.pseudonymId())
                .then()
                .statusCode(200);
    }

    static boolean isStatement(SpanData span) {
        return span.getInstrumentationScopeInfo().getName().contains("jdbc");
    }
}
