package org.meridian.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

@ApplicationScoped
public class ClockProducer {

    /**
     * Ticks in microseconds, PostgreSQL's timestamp precision, so that the time a write answers with is the time a
     * later read returns.
     */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
