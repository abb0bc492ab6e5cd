package org.meridian.gateway.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.gateway.routing.FakeUpstreams;
import org.meridian.platform.test.logging.JsonLogCapture;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.platform.test.tracing.RecordedSpans;

/** The gateway continues a caller's trace, passes it on to the service it proxies to, and logs it (JSON). */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
@TestProfile(GatewayTracingTest.JsonLogs.class)
class GatewayTracingTest {

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("MERIDIAN_LOG_FORMAT", "json");
        }
    }

    @Inject
    InMemorySpanExporter exporter;

    RecordedSpans spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans = new RecordedSpans(exporter);
        spans.forget();
    }

    @Test
    void continuesTheCallersTraceAndPassesItUpstreamUnderItsOwnSpan() {
        UUID clinicId = UUID.randomUUID();
        String upstreamTraceparent = given().auth()
                .oauth2(TestTokens.practitioner(clinicId))
                .header("traceparent", TRACEPARENT)
                .when()
                .get("/api/v1/intake/clinics/" + clinicId)
                .then()
                .statusCode(200)
                .extract()
                .path("traceparent");

        SpanData server = spans.awaitServerSpan("GET /api/v1/intake/clinics/{clinicId}");
        assertThat(server.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        assertThat(upstreamTraceparent)
                .doesNotContain(",")
                .startsWith("00-" + TRACE_ID + "-")
                .endsWith("-01");
        SpanData proxied = spans.withId(RecordedSpans.parentSpanId(upstreamTraceparent));
        assertThat(proxied.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(proxied.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(spans.all()).extracting(SpanData::getName).noneMatch(name -> name.contains(clinicId.toString()));
    }

    @Test
    void startsATraceWhenTheCallerSentNone() {
        String upstreamTraceparent = given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get("/api/v1/intake/clinics")
                .then()
                .statusCode(200)
                .extract()
                .path("traceparent");

        SpanData server = spans.awaitServerSpan("GET /api/v1/intake/clinics");
        assertThat(server.getParentSpanContext().isValid()).isFalse();
        assertThat(upstreamTraceparent).startsWith("00-" + server.getTraceId() + "-");
    }

    @Test
    void jsonLogLineCarriesRequestTraceAndClinic() {
        UUID clinicId = UUID.randomUUID();
        try (JsonLogCapture logs = JsonLogCapture.start()) {
            given().auth()
                    .oauth2(TestTokens.practitioner(clinicId))
                    .header("traceparent", TRACEPARENT)
                    .header("X-Request-Id", "gateway-log-test")
                    .when()
                    .get("/api/v1/intake/clinics/" + clinicId)
                    .then()
                    .statusCode(200);

            JsonNode access = logs.await("GET /api/v1/intake/clinics/{clinicId} 200");
            assertThat(access.path("level").asText()).isEqualTo("INFO");
            assertThat(access.path("service").asText()).isEqualTo("gateway");
            assertThat(access.path("time").asText()).isNotBlank();
            assertThat(access.path("logger").asText()).isNotBlank();
            JsonNode mdc = access.path("mdc");
            assertThat(mdc.path("requestId").asText()).isEqualTo("gateway-log-test");
            assertThat(mdc.path("traceId").asText()).isEqualTo(TRACE_ID);
            assertThat(mdc.path("spanId").asText()).matches("[0-9a-f]{16}");
            assertThat(mdc.path("clinicId").asText()).isEqualTo(clinicId.toString());
            assertThat(access.toString()).doesNotContain("/api/v1/intake/clinics/" + clinicId);
        }
    }
}
