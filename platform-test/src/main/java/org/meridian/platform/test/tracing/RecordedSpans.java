package org.meridian.platform.test.tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The spans a service under test finished, as its in-memory exporter holds them (a test bean producing an
 * {@link InMemorySpanExporter} replaces the OTLP exporter). Spans arrive in batches, so lookups wait a little.
 */
public final class RecordedSpans {

    /** A caller's trace context, as a client or the gateway sends it. */
    public static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static final String CALLER_SPAN_ID = "00f067aa0ba902b7";
    public static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

    private final InMemorySpanExporter exporter;

    public RecordedSpans(InMemorySpanExporter exporter) {
        this.exporter = exporter;
    }

    public void forget() {
        exporter.reset();
    }

    public List<SpanData> all() {
        return exporter.getFinishedSpanItems();
    }

    /** The first finished span that matches, waiting up to five seconds for it. */
    public SpanData await(Predicate<SpanData> wanted) {
        for (int i = 0; i < 100; i++) {
            Optional<SpanData> found = all().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            pause();
        }
        throw new AssertionError("no such span among " + all());
    }

    public SpanData awaitServerSpan(String name) {
        return await(span -> span.getKind() == SpanKind.SERVER && span.getName().equals(name));
    }

    public SpanData withId(String spanId) {
        return await(span -> span.getSpanId().equals(spanId));
    }

    /** Whether {@code ancestor} is the span's parent, or its parent's, and so on, among the recorded spans. */
    public boolean descendsFrom(SpanData span, SpanData ancestor) {
        SpanData current = span;
        for (int depth = 0; depth < 20; depth++) {
            if (current.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
            String parentId = current.getParentSpanId();
            Optional<SpanData> parent = all().stream()
                    .filter(candidate -> candidate.getSpanId().equals(parentId))
                    .findFirst();
            if (parent.isEmpty()) {
                return false;
            }
            current = parent.get();
        }
        return false;
    }

    /** The span id a traceparent header names as the parent (its third field). */
    public static String parentSpanId(String traceparent) {
        return traceparent.split("-")[2];
    }

    public static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
