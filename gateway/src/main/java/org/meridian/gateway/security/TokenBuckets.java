package org.meridian.gateway.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Where the rate limiter's token buckets live: in this replica's memory, or in Redis shared by all replicas. */
public interface TokenBuckets extends AutoCloseable {

    /** The outcome of taking one token, and how to give it back (a call refused by a later bucket). */
    record Taken(ConsumptionProbe probe, Runnable giveBack) {}

    /** Takes one token from the bucket of {@code key}, which holds {@code perMinute} tokens refilled over a minute. */
    CompletionStage<Taken> take(String key, long perMinute);

    @Override
    default void close() {}

    static Bandwidth perMinute(long perMinute) {
        return Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build();
    }
}
