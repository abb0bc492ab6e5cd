package org.meridian.outcomes.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The research meters of docs/observability.md#business-metrics: cells of aggregate answers by what small-cell
 * suppression did to them, tables that fell back to hiding every cell, and the time one table's suppression took.
 */
@Startup
@ApplicationScoped
public class ResearchMetrics {

    /** The suppression timer's name, which platform's latency buckets name too. */
    static final String SUPPRESSION_TIMER = "meridian.research.suppression";

    public enum Suppression {
        NONE,
        /** A cell of fewer than k patients. */
        PRIMARY,
        /** A cell hidden so that a small one cannot be worked out. */
        COMPLEMENTARY
    }

    private final Timer suppression;
    private final Counter fallbacks;
    private final Counter[] cells = new Counter[Suppression.values().length];

    /** @param registry the service's; a test of the pure assembly may give a SimpleMeterRegistry */
    public ResearchMetrics(MeterRegistry registry) {
        suppression = Timer.builder(SUPPRESSION_TIMER)
                .description("Time spent suppressing one aggregate table")
                .register(registry);
        fallbacks = Counter.builder("meridian.research.suppression.fallbacks")
                .description("Tables whose disclosure audit hit its limits and had every hideable cell hidden")
                .register(registry);
        for (Suppression kind : Suppression.values()) {
            cells[kind.ordinal()] = Counter.builder("meridian.research.cells")
                    .description("Cells of research aggregate answers, by what small-cell suppression did to them")
                    .tag("suppression", SubmissionMetrics.tag(kind))
                    .register(registry);
        }
    }

    public <T> T timeSuppression(Supplier<T> suppress) {
        return suppression.record(suppress);
    }

    public void cell(Suppression kind) {
        cells[kind.ordinal()].increment();
    }

    public void fallbacks(int tables) {
        fallbacks.increment(tables);
    }
}
