package org.meridian.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.meridian.gateway.routing.Problems;

/**
 * Verifies the caller's bearer JWT (signature, issuer, audience, expiry) before anything is proxied.
 * The token travels on unchanged: each service verifies it again.
 */
public final class BearerTokenHandler implements Handler<RoutingContext> {

    public static final String TOKEN_KEY = "jwt";
    private static final String BEARER = "bearer ";

    private final JWTParser parser;
    private final Vertx vertx;
    private final RateLimitHandler rateLimit;
    /**
     * Tokens already verified, until they expire: an app sends the same token with many calls, and verifying it
     * (JSON parsing, an RSA signature check, a hop to a worker thread) each time was a large share of the
     * gateway's work per request.
     */
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> untilExpiry(jwt)))
            .build();

    public BearerTokenHandler(JWTParser parser, Vertx vertx, RateLimitHandler rateLimit) {
        this.parser = parser;
        this.vertx = vertx;
        this.rateLimit = rateLimit;
    }

    private static Duration untilExpiry(JsonWebToken jwt) {
        long remaining = jwt.getExpirationTime() - Instant.now().getEpochSecond();
        return Duration.ofSeconds(Math.max(0, Math.min(remaining, MAX_CACHED.toSeconds())));
    }

    private static final Duration MAX_CACHED = Duration.ofMinutes(10);

    @Override
    public void handle(RoutingContext context) {
        if (context.request().method() == HttpMethod.OPTIONS) {
            context.next(); // CORS preflight carries no credentials
            return;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            reject(context, "Bearer", "This API needs an access token: send 'Authorization: Bearer <JWT>'");
            return;
        }
        String token = authorization.substring(BEARER.length()).trim();
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && known.getExpirationTime() > Instant.now().getEpochSecond()) {
            context.put(TOKEN_KEY, known);
            context.next();
            return;
        }
        // Parsing may fetch the issuer's keys (JWKS) over the network, so it must not run on the event loop.
        vertx.<JsonWebToken>executeBlocking(() -> parser.parse(token), false)
                .onSuccess(jwt -> {
                    verified.put(token, jwt);
                    context.put(TOKEN_KEY, jwt);
                    context.next();
                })
                .onFailure(failure -> {
                    Log.debugf("Rejected token: %s", failure.getMessage());
                    String reason = failure instanceof ParseException && failure.getCause() != null
                            ? failure.getCause().getMessage()
                            : failure.getMessage();
                    reject(
                            context,
                            "Bearer error=\"invalid_token\"",
                            "The access token is invalid, expired, or not meant for this API"
                                    + (reason == null ? "" : ": " + trim(reason)));
                });
    }

    private void reject(RoutingContext context, String challenge, String detail) {
        rateLimit.admitUnauthenticated(context).onSuccess(admitted -> {
            if (admitted) {
                context.response().putHeader("WWW-Authenticate", challenge);
                Problems.send(context, 401, "unauthenticated", "Unauthorized", detail);
            }
        });
    }

    private static String trim(String reason) {
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }
}
