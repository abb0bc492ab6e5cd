package org.meridian.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Buckets in this replica's memory: with N replicas a caller gets up to N times the budget. Buckets of callers idle
 * for ten minutes are dropped, so memory follows the active population.
 */
public final class LocalTokenBuckets implements TokenBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    @Override
    public CompletionStage<Taken> take(String key, long perMinute) {
        return CompletableFuture.completedFuture(takeNow(key, perMinute));
    }

    Taken takeNow(String key, long perMinute) {
        Bucket bucket = buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(TokenBuckets.perMinute(perMinute))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Taken(probe, () -> bucket.addTokens(1));
    }
}
