package org.meridian.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Traces without a trace endpoint (scripts/run.sh, the tests): spans are still made, so trace ids reach the logs and
 * traceparent headers the services, but they are sent nowhere. Quarkus installs its OTLP exporter only while no
 * exporter bean exists, and without an endpoint that one would try localhost:4317 and log every failure;
 * {@code otel-traces-endpoint} in application.properties is {@code none} when no endpoint is configured.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "otel-traces-endpoint", stringValue = "none")
public class TracesNotExported implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
