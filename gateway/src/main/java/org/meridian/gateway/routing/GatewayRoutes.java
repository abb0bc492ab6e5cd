package org.meridian.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.meridian.gateway.config.GatewayConfig;
import org.meridian.gateway.security.BearerTokenHandler;
import org.meridian.gateway.security.LocalTokenBuckets;
import org.meridian.gateway.security.RateLimitHandler;
import org.meridian.gateway.security.RedisTokenBuckets;
import org.meridian.gateway.security.ResponseHardeningHandler;
import org.meridian.gateway.security.TokenBuckets;

/**
 * The gateway's routing table: each public prefix is streamed to the service that owns it by
 * Vert.x's reverse proxy, so bodies are never buffered whole in the gateway.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** First of all, before Quarkus' own handlers. */
    private static final int PIPELINING_GUARD_ORDER = Integer.MIN_VALUE;
    /** Right after it: nothing else may see a URI that cannot be parsed. */
    private static final int INVALID_URI_ORDER = Integer.MIN_VALUE + 1;
    /** After Quarkus' CORS filter (order -300) so preflights are answered there; before everything else. */
    private static final int REQUEST_ID_ORDER = -200;

    private static final int METRICS_LABEL_ORDER = -195;
    private static final int HARDENING_ORDER = -190;
    private static final int AUTHENTICATION_ORDER = -180;
    private static final int RATE_LIMIT_ORDER = -170;
    private static final int PROXY_ORDER = -100;
    /** After every route of the gateway and of Quarkus: what is left under /api or /fhir belongs to no service. */
    private static final int UNROUTED_ORDER = 10_000;
    // After every route Quarkus and its extensions register (Swagger UI, the OpenAPI documents).
    private static final int NOTHING_HERE_ORDER = Integer.MAX_VALUE;
    private static final List<String> PROTECTED_PREFIXES = List.of("/api/*", "/fhir/*");

    private final MeterRegistry registry;
    private TokenBuckets buckets;

    GatewayRoutes(MeterRegistry registry) {
        this.registry = registry;
    }

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, JWTParser jwtParser) {
        router.route().order(PIPELINING_GUARD_ORDER).handler(new PipelinedRequestGuard());
        router.route().order(INVALID_URI_ORDER).handler(new InvalidUriGuard());
        router.route().order(REQUEST_ID_ORDER).handler(new RequestIdHandler());
        MetricsUriLabels metricsLabels = new MetricsUriLabels(vertx, upstreams(config), config.connectTimeout());
        for (String prefix : PROTECTED_PREFIXES) {
            router.route(prefix).order(METRICS_LABEL_ORDER).handler(metricsLabels);
        }
        metricsLabels.start();
        router.route().order(HARDENING_ORDER).handler(new ResponseHardeningHandler(config.maxBodyBytes()));
        RateLimitHandler rateLimit = new RateLimitHandler(
                config.userRequestsPerMinute(), config.clientRequestsPerMinute(), tokenBuckets(config), vertx);
        BearerTokenHandler authentication = new BearerTokenHandler(jwtParser, vertx, rateLimit);
        for (String prefix : PROTECTED_PREFIXES) {
            router.route(prefix).order(AUTHENTICATION_ORDER).handler(authentication);
            router.route(prefix).order(RATE_LIMIT_ORDER).handler(rateLimit);
        }

        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));

        for (Upstream upstream : upstreams(config)) {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> originRequest(context, upstream, config))
                    .addInterceptor(new UpstreamFailureInterceptor(upstream))
                    .addInterceptor(new BodyLimitInterceptor(config.maxBodyBytes(), vertx));
            router.route(upstream.pathPrefix() + "*")
                    .order(PROXY_ORDER)
                    .handler(routingContext -> proxy.handle(routingContext.request()));
            List<String> fhirTypes = FHIR_RESOURCE_OWNERS.getOrDefault(upstream.name(), List.of());
            if (!fhirTypes.isEmpty()) {
                router.routeWithRegex(FHIR_BASE + "(" + String.join("|", fhirTypes) + ")([/?].*)?")
                        .order(PROXY_ORDER)
                        .handler(routingContext -> proxy.handle(routingContext.request()));
            }
            Log.infof(
                    "Routing %s* and FHIR %s to %s at %s",
                    upstream.pathPrefix(), fhirTypes, upstream.name(), upstream.origins());
        }
        for (String prefix : PROTECTED_PREFIXES) {
            router.route(prefix)
                    .order(UNROUTED_ORDER)
                    .handler(context -> Problems.send(
                            context,
                            404,
                            "not-found",
                            "Resource not found",
                            "No service serves " + context.request().path()));
        }
        // Any other path nobody serves (health and metrics live on the management port) is a problem document too,
        // never the framework's HTML page.
        router.route()
                .order(NOTHING_HERE_ORDER)
                .handler(context -> Problems.send(
                        context,
                        404,
                        "not-found",
                        "Resource not found",
                        "Nothing is served at " + context.request().path()));
    }

    private TokenBuckets tokenBuckets(GatewayConfig config) {
        if (config.redisUrl().isEmpty() || config.redisUrl().get().isBlank()) {
            Log.info("Rate limits are counted by this replica alone (no MERIDIAN_REDIS_URL)");
            buckets = new LocalTokenBuckets();
        } else {
            Log.infof("Rate limits are shared through Redis, keys %s*", config.rateLimitRedisKeyPrefix());
            buckets = new RedisTokenBuckets(
                    config.redisUrl().get(),
                    config.rateLimitRedisKeyPrefix(),
                    config.rateLimitRedisTimeout(),
                    config.rateLimitRedisRetryAfter(),
                    registry);
        }
        return buckets;
    }

    @PreDestroy
    void closeBuckets() {
        if (buckets != null) {
            buckets.close();
        }
    }

    /** FHIR resource types by the service that owns their data; the gateway routes /fhir/r4/{type} accordingly. */
    static final String FHIR_BASE = "/fhir/r4/";

    static final Map<String, List<String>> FHIR_RESOURCE_OWNERS = Map.of(
            "intake", List.of("Patient", "Procedure", "Condition", "AdverseEvent"),
            "outcomes", List.of("Questionnaire", "QuestionnaireResponse", "Observation"));

    static List<Upstream> upstreams(GatewayConfig config) {
        return List.of(
                Upstream.of("intake", "/api/v1/intake/", config.intakeUrls()),
                Upstream.of("outcomes", "/api/v1/outcomes/", config.outcomesUrls()));
    }

    /**
     * A connection to the next replica in turn; a replica that refuses it (or does not accept it within the connect
     * timeout) is skipped for the next. Nothing has been sent then, so failing over is safe for any method. A replica
     * that dies while it holds a request is not retried: the caller gets the 502 and retries (with its
     * Idempotency-Key).
     */
    private static Future<HttpClientRequest> originRequest(
            ProxyContext context, Upstream upstream, GatewayConfig config) {
        return Failover.firstSucceeding(upstream.rotation(), origin -> {
            RequestOptions options = new RequestOptions()
                    .setHost(origin.host())
                    .setPort(origin.port())
                    .setConnectTimeout(config.connectTimeout().toMillis())
                    .setIdleTimeout(config.timeout().toMillis());
            // Failures reach the caller through the response (502/504, or 413 for a body cut off at the limit, which
            // resets the upstream request on purpose); without a handler Vert.x would also log each one as an error.
            return context.client()
                    .request(options)
                    .onFailure(failure ->
                            Log.debugf("No connection to %s at %s: %s", upstream.name(), origin, failure.toString()))
                    .onSuccess(request -> request.exceptionHandler(failure ->
                            Log.debugf("Upstream request to %s ended: %s", upstream.name(), failure.toString())))
                    .map(ResetOnlyBeforeResponse::guard);
        });
    }
}
