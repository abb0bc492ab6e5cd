package org.meridian.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.meridian.gateway.routing.Problems;

/**
 * Token buckets per user (token subject) and per client (the token's azp/client_id, else the caller's IP).
 * Buckets of callers idle for ten minutes are dropped, so memory follows the active population.
 *
 * <p>Every answer that passes here says where its caller stands, in the RateLimit header fields of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers, the -Limit/-Remaining/-Reset form): the user's bucket for a signed-in user,
 * else the client's, and on a 429 the bucket that refused. A call without a valid token is counted against its
 * address before it gets its 401, so guessing tokens is rate limited too.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {

    public static final String LIMIT_HEADER = "RateLimit-Limit";
    public static final String REMAINING_HEADER = "RateLimit-Remaining";
    public static final String RESET_HEADER = "RateLimit-Reset";

    private final long userPerMinute;
    private final long clientPerMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .build();

    public RateLimitHandler(long userPerMinute, long clientPerMinute) {
        this.userPerMinute = userPerMinute;
        this.clientPerMinute = clientPerMinute;
    }

    /**
     * The user's bucket first: a user over its own limit is refused without touching the budget of the client it shares
     * with everyone else using the same app. A call the client's budget refuses gets the user's token back, so that
     * only calls that go through count against a user.
     */
    @Override
    public void handle(RoutingContext context) {
        JsonWebToken jwt = context.get(BearerTokenHandler.TOKEN_KEY);
        String client = clientOf(context, jwt);
        Bucket userBucket = null;
        ConsumptionProbe userProbe = null;
        if (jwt != null && jwt.getSubject() != null) {
            userBucket = bucket("user:" + jwt.getSubject(), userPerMinute);
            userProbe = userBucket.tryConsumeAndReturnRemaining(1);
            if (!userProbe.isConsumed()) {
                tooMany(context, userProbe, userPerMinute, "this user");
                return;
            }
        }
        ConsumptionProbe clientProbe =
                bucket("client:" + client, clientPerMinute).tryConsumeAndReturnRemaining(1);
        if (!clientProbe.isConsumed()) {
            if (userBucket != null) {
                userBucket.addTokens(1);
            }
            tooMany(context, clientProbe, clientPerMinute, "client " + client);
            return;
        }
        if (userProbe != null) {
            report(context, userProbe, userPerMinute);
        } else {
            report(context, clientProbe, clientPerMinute);
        }
        context.next();
    }

    /**
     * Counts a call that carries no valid token against its address. Answers the 429 itself and returns false when
     * the address is over its limit; otherwise sets the RateLimit fields, and the caller answers the 401.
     */
    public boolean admitUnauthenticated(RoutingContext context) {
        String client = clientOf(context, null);
        ConsumptionProbe probe = bucket("client:" + client, clientPerMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            tooMany(context, probe, clientPerMinute, "client " + client);
            return false;
        }
        report(context, probe, clientPerMinute);
        return true;
    }

    private Bucket bucket(String key, long perMinute) {
        return buckets.get(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
    }

    private static String clientOf(RoutingContext context, JsonWebToken jwt) {
        if (jwt != null) {
            Object azp = jwt.getClaim("azp");
            Object clientId = azp != null ? azp : jwt.getClaim("client_id");
            if (clientId != null) {
                return clientId.toString();
            }
        }
        return context.request().remoteAddress() == null
                ? "unknown"
                : context.request().remoteAddress().hostAddress();
    }

    private static void report(RoutingContext context, ConsumptionProbe probe, long perMinute) {
        context.response()
                .putHeader(LIMIT_HEADER, Long.toString(perMinute))
                .putHeader(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()))
                .putHeader(RESET_HEADER, Long.toString(wholeSeconds(probe.getNanosToWaitForReset())));
    }

    private static long wholeSeconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    private static void tooMany(RoutingContext context, ConsumptionProbe probe, long perMinute, String who) {
        long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        report(context, probe, perMinute);
        context.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        Problems.send(
                context,
                429,
                "rate-limited",
                "Too Many Requests",
                "Request rate limit reached for " + who + "; retry after " + retryAfterSeconds + " s");
    }
}
