package org.meridian.telemetry;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The latency buckets of docs/observability.md ("What the services must configure"): Quarkus publishes no
 * {@code _bucket} series by default and the percentile alerts need them. These timers get the fixed service level
 * objectives 5 ms ... 10 s and no percentile histogram, whose ~70 buckets a series would multiply by every route.
 * One filter for all three apps: a timer an app does not have (the gateway has no audit writer) is simply never met.
 */
@Singleton
public class LatencyBuckets {

    /** The request timer, platform's audit batch timer and outcomes' suppression timer (their tests read the buckets). */
    static final Set<String> TIMERS =
            Set.of("http.server.requests", "meridian.audit.batch", "meridian.research.suppression");

    /** 5 ms, 10 ms, 25 ms, 50 ms, 100 ms, 250 ms, 500 ms, 1 s, 2.5 s, 5 s, 10 s, in nanoseconds (a timer's unit). */
    static final double[] SLOS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos())
            .toArray();

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(false)
                        .serviceLevelObjectives(SLOS)
                        .build()
                        .merge(config);
            }
        };
    }
}
