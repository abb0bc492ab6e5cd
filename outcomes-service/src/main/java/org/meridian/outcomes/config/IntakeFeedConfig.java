package org.meridian.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** intake-service and its event feed (MERIDIAN_INTAKE_URL, MERIDIAN_INTAKE_POLL_EVERY, ...). */
@ConfigMapping(prefix = "meridian.intake")
public interface IntakeFeedConfig {
    /** Base URL of intake-service (MERIDIAN_INTAKE_URL). */
    @WithDefault("http://127.0.0.1:8081")
    String url();

    /** How often the feed is polled ("2s"); "off" disables the scheduled consumer. */
    @WithDefault("2s")
    String pollEvery();

    /** Events asked for per page (intake serves 1..500). */
    @WithDefault("200")
    int pageSize();

    /** Pages applied per poll at most, so a long catch-up does not monopolise one scheduler run. */
    @WithDefault("50")
    int maxPagesPerPoll();

    /** First wait after a failed poll; doubled after each further failure. */
    @WithDefault("2s")
    Duration backoffInitial();

    /**
     * How long the feed lease lasts without renewal (MERIDIAN_INTAKE_LEASE_TTL). The leader renews it at every poll;
     * when it dies, another replica takes over within this time plus one poll interval.
     */
    @WithDefault("15s")
    Duration leaseTtl();

    /** Longest wait between polls while intake is unreachable. */
    @WithDefault("60s")
    Duration backoffMax();
}
