package org.meridian.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the gateway sends traffic, and how long it waits. Environment: MERIDIAN_INTAKE_URL, MERIDIAN_GATEWAY_TIMEOUT, ... */
@ConfigMapping(prefix = "meridian")
public interface GatewayConfig {

    /** intake-service's replicas: one URL, or several separated by commas (round-robin, failover on refusal). */
    @WithName("intake.url")
    @WithDefault("http://127.0.0.1:8081")
    List<URI> intakeUrls();

    /** outcomes-service's replicas, as {@link #intakeUrls()}. */
    @WithName("outcomes.url")
    @WithDefault("http://127.0.0.1:8082")
    List<URI> outcomesUrls();

    /** How long an upstream may stay silent (no headers or body bytes) before the caller gets 504. */
    @WithName("gateway.timeout")
    @WithDefault("30s")
    Duration timeout();

    @WithName("gateway.connect-timeout")
    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections kept per upstream; sized for the services' worker pools. */
    @WithName("gateway.max-connections")
    @WithDefault("128")
    int maxConnectionsPerUpstream();

    /** Requests one user (token subject) may make per minute before getting 429. */
    @WithName("gateway.rate-limit.user-per-minute")
    @WithDefault("600")
    long userRequestsPerMinute();

    /** Requests one client (token azp/client_id, else the caller's IP) may make per minute. */
    @WithName("gateway.rate-limit.client-per-minute")
    @WithDefault("60000")
    long clientRequestsPerMinute();

    /**
     * Redis shared by the gateway's replicas for their rate limits (MERIDIAN_REDIS_URL, e.g. redis://redis:6379/0).
     * Unset, each replica counts alone.
     */
    @WithName("redis.url")
    Optional<String> redisUrl();

    /** Prefix of the rate limit buckets' keys in Redis (MERIDIAN_GATEWAY_RATE_LIMIT_REDIS_KEY_PREFIX). */
    @WithName("gateway.rate-limit.redis-key-prefix")
    @WithDefault("meridian:rate-limit:")
    String rateLimitRedisKeyPrefix();

    /** How long a rate limit decision waits for Redis before this replica decides alone. */
    @WithName("gateway.rate-limit.redis-timeout")
    @WithDefault("500ms")
    Duration rateLimitRedisTimeout();

    /** After Redis failed, how long the replica decides alone before it asks Redis again. */
    @WithName("gateway.rate-limit.redis-retry-after")
    @WithDefault("5s")
    Duration rateLimitRedisRetryAfter();

    /** Largest request body accepted, in bytes (questionnaires and FHIR bundles are small). */
    @WithName("gateway.max-body-bytes")
    @WithDefault("1048576")
    long maxBodyBytes();

    /**
     * The OpenID Connect provider SMART apps sign in with: its issuer URL as apps reach it (MERIDIAN_SMART_AUTHORIZATION_SERVER).
     * Unset (the local key of scripts/run.sh, which has no sign-in) the SMART configuration answers 404.
     */
    @WithName("smart.authorization-server")
    Optional<URI> smartAuthorizationServer();

    /**
     * Where the gateway reads that provider's OpenID configuration, when it cannot use the issuer's address (compose,
     * where the gateway reaches Keycloak by its service name): MERIDIAN_SMART_DISCOVERY_URL.
     */
    @WithName("smart.discovery-url")
    Optional<URI> smartDiscoveryUrl();

    /**
     * The built web app (web/dist) the gateway serves at /app/: MERIDIAN_WEB_DIR. Unset, /app/ answers 404 (a stack
     * without the app, e.g. one built without Node.js).
     */
    @WithName("web.dir")
    Optional<Path> webDir();

    /**
     * Demo sign-ins (tokens of the local key, one per demo role) the sign-in page offers, served at
     * /app/demo-sign-ins.json: MERIDIAN_WEB_DEMO_SIGN_INS. Only scripts/run.sh --demo on the local key sets it; a
     * deployment never does, as anyone who can reach the page could use them (docs/web.md#sign-in).
     */
    @WithName("web.demo-sign-ins")
    Optional<Path> webDemoSignIns();
}
