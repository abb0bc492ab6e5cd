package org.meridian.gateway.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Buckets in Redis (Bucket4j's Lettuce backend, compare-and-swap), so that every gateway replica spends one budget per
 * caller. Calls to Redis are asynchronous: the event loop never waits for it.
 *
 * <p>When Redis fails (unreachable, or no answer within the timeout) the call is decided by this replica's own
 * in-memory buckets, as without Redis: callers keep being served and limited, at up to N times the budget with N
 * replicas, rather than every call failing or every limit disappearing. Each such call counts in
 * {@code meridian_gateway_rate_limit_fallbacks_total}; the switch to and from Redis is logged once. After a failure
 * Redis is tried again only after {@code retryAfter}, so an outage costs one timeout per interval, not one per call.
 */
public final class RedisTokenBuckets implements TokenBuckets {

    private final RedisClient client;
    private final RedisURI uri;
    private final String keyPrefix;
    private final Duration timeout;
    private final Duration retryAfter;
    private final LocalTokenBuckets fallback = new LocalTokenBuckets();
    private final Counter fallbacks;
    private final Map<Long, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final AtomicBoolean fallingBack = new AtomicBoolean();
    private volatile CompletableFuture<Connected> connection;
    private volatile long redisAgainAtNanos = System.nanoTime();

    private record Connected(StatefulRedisConnection<byte[], byte[]> connection, AsyncProxyManager<byte[]> buckets) {}

    public RedisTokenBuckets(
            String redisUrl, String keyPrefix, Duration timeout, Duration retryAfter, MeterRegistry registry) {
        this.uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout);
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
        this.retryAfter = retryAfter;
        this.fallbacks = Counter.builder("meridian.gateway.rate.limit.fallbacks")
                .description("Rate limit decisions taken by this replica alone because Redis failed")
                .register(registry);
        connected(); // at start-up rather than with the first request
    }

    @Override
    public CompletionStage<Taken> take(String key, long perMinute) {
        if (System.nanoTime() - redisAgainAtNanos < 0) {
            return CompletableFuture.completedFuture(locally(key, perMinute));
        }
        byte[] redisKey = (keyPrefix + key).getBytes(StandardCharsets.UTF_8);
        // a connection still being opened (Redis unreachable) is waited for no longer than a command would be
        return connected()
                .copy()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(redis -> {
                    AsyncBucketProxy bucket = redis.buckets()
                            .builder()
                            .build(redisKey, () -> CompletableFuture.completedFuture(configuration(perMinute)));
                    return bucket.tryConsumeAndReturnRemaining(1)
                            .thenApply(probe -> new Taken(probe, () -> bucket.addTokens(1)));
                })
                .handle((taken, failure) -> {
                    if (failure == null) {
                        if (fallingBack.compareAndSet(true, false)) {
                            Log.info("Rate limits are shared through Redis again");
                        }
                        return taken;
                    }
                    failed(failure);
                    return locally(key, perMinute);
                });
    }

    private Taken locally(String key, long perMinute) {
        fallbacks.increment();
        return fallback.takeNow(key, perMinute);
    }

    private void failed(Throwable failure) {
        redisAgainAtNanos = System.nanoTime() + retryAfter.toNanos();
        CompletableFuture<Connected> current = connection;
        if (current != null && current.isCompletedExceptionally()) {
            connection = null; // connect anew next time
        }
        if (fallingBack.compareAndSet(false, true)) {
            Log.warnf(
                    "Redis failed (%s): rate limits are counted by this replica alone until it answers again",
                    failure.getCause() != null ? failure.getCause() : failure);
        }
    }

    /**
     * The connection, opened on first use and again after a failure. Opening runs on a pool thread, never on the event
     * loop: Lettuce's first connection initialises its classes (and JFR events), which took seconds on a loaded machine.
     */
    private CompletableFuture<Connected> connected() {
        CompletableFuture<Connected> current = connection;
        if (current == null) {
            synchronized (this) {
                current = connection;
                if (current == null) {
                    current = CompletableFuture.supplyAsync(() -> client.connect(ByteArrayCodec.INSTANCE, uri))
                            .thenApply(opened -> new Connected(
                                    opened,
                                    Bucket4jLettuce.casBasedBuilder(opened)
                                            .expirationAfterWrite(
                                                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                                            Duration.ofSeconds(10)))
                                            .build()
                                            .asAsync()));
                    connection = current;
                }
            }
        }
        return current;
    }

    private BucketConfiguration configuration(long perMinute) {
        return configurations.computeIfAbsent(
                perMinute,
                ignored -> BucketConfiguration.builder()
                        .addLimit(TokenBuckets.perMinute(perMinute))
                        .build());
    }

    @Override
    public void close() {
        CompletableFuture<Connected> current = connection;
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().connection().close();
        }
        client.shutdown();
    }
}
