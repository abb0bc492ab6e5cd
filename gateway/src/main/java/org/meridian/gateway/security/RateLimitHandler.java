package org.meridian.gateway.security;

import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.meridian.gateway.routing.Problems;

/**
 * Token buckets per user (token subject) and per client (the token's azp/client_id, else the caller's IP), in this
 * replica's memory or, with {@code MERIDIAN_REDIS_URL}, in Redis shared by every replica ({@link TokenBuckets}).
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
    private final TokenBuckets buckets;
    private final Vertx vertx;

    public RateLimitHandler(long userPerMinute, long clientPerMinute, TokenBuckets buckets, Vertx vertx) {
        this.userPerMinute = userPerMinute;
        this.clientPerMinute = clientPerMinute;
        this.buckets = buckets;
        this.vertx = vertx;
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
        boolean signedIn = jwt != null && jwt.getSubject() != null;
        CompletionStage<TokenBuckets.Taken> user = signedIn
                ? buckets.take("user:" + jwt.getSubject(), userPerMinute)
                : CompletableFuture.completedFuture(null);
        CompletionStage<Decision> decision = user.thenCompose(userTaken -> {
            if (userTaken != null && !userTaken.probe().isConsumed()) {
                return CompletableFuture.completedFuture(new Decision(userTaken, null));
            }
            return buckets.take("client:" + client, clientPerMinute)
                    .thenApply(clientTaken -> new Decision(userTaken, clientTaken));
        });
        onEventLoop(context, decision).onSuccess(taken -> {
            if (taken.client() == null) {
                tooMany(context, taken.user().probe(), userPerMinute, "this user");
            } else if (!taken.client().probe().isConsumed()) {
                if (taken.user() != null) {
                    taken.user().giveBack().run();
                }
                tooMany(context, taken.client().probe(), clientPerMinute, "client " + client);
            } else {
                if (taken.user() != null) {
                    report(context, taken.user().probe(), userPerMinute);
                } else {
                    report(context, taken.client().probe(), clientPerMinute);
                }
                context.next();
            }
        });
    }

    private record Decision(TokenBuckets.Taken user, TokenBuckets.Taken client) {}

    /**
     * Counts a call that carries no valid token against its address. Answers the 429 itself and completes with false
     * when the address is over its limit; otherwise sets the RateLimit fields and completes with true, and the caller
     * answers the 401.
     */
    public Future<Boolean> admitUnauthenticated(RoutingContext context) {
        String client = clientOf(context, null);
        return onEventLoop(context, buckets.take("client:" + client, clientPerMinute))
                .map(taken -> {
                    if (!taken.probe().isConsumed()) {
                        tooMany(context, taken.probe(), clientPerMinute, "client " + client);
                        return false;
                    }
                    report(context, taken.probe(), clientPerMinute);
                    return true;
                });
    }

    /**
     * The decision on the request's own context: at once when the buckets answered at once (in memory), else when Redis
     * answers, with the request paused meanwhile so that no body bytes arrive before the proxy reads them.
     */
    private <T> Future<T> onEventLoop(RoutingContext context, CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (future.isDone() && !future.isCompletedExceptionally()) {
            return Future.succeededFuture(future.join());
        }
        context.request().pause();
        return Future.fromCompletionStage(stage, vertx.getOrCreateContext())
                .onComplete(ignored -> context.request().resume())
                .onFailure(context::fail);
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
