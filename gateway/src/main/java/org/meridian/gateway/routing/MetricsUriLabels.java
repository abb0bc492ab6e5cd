package org.meridian.gateway.routing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.semconv.HttpAttributes;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Labels the request metrics of proxied calls with the route template they match (from the services' OpenAPI
 * documents, fetched at start and every few minutes, and the FHIR interactions of the resource types the gateway routes,
 * which those documents leave out), never with the raw path: raw paths hold clinic, patient and
 * pseudonym ids, and every new id would be a new time series. A path that matches no template is labelled with the
 * fixed prefix it falls under ({@code /api/v1/intake/**}).
 */
final class MetricsUriLabels implements Handler<RoutingContext> {

    /** Read by Quarkus's Micrometer binder from the request's context, as the REST layer of the services sets it. */
    static final String TEMPLATE_KEY = "UrlPathTemplate";

    private static final Duration REFRESH_EVERY = Duration.ofMinutes(5);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    private final List<Upstream> upstreams;
    private final WebClient client;
    private final Vertx vertx;
    private final Map<String, Set<String>> knownPaths = new ConcurrentHashMap<>();
    private volatile RouteTemplates templates = RouteTemplates.of(FHIR_TEMPLATES);

    /** read, vread, history, search and create/update of every FHIR type the gateway routes. */
    static final List<String> FHIR_TEMPLATES = GatewayRoutes.FHIR_RESOURCE_OWNERS.values().stream()
            .flatMap(List::stream)
            .flatMap(type -> Stream.of("", "/_search", "/{id}", "/{id}/_history", "/{id}/_history/{versionId}")
                    .map(suffix -> GatewayRoutes.FHIR_BASE + type + suffix))
            .toList();

    MetricsUriLabels(Vertx vertx, List<Upstream> upstreams, Duration connectTimeout) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setIdleTimeout(10));
    }

    void start() {
        refresh();
    }

    @Override
    public void handle(RoutingContext context) {
        String path = context.request().path();
        String label = templates.match(path).orElseGet(() -> fallback(path));
        ((HttpServerRequestInternal) context.request()).context().putLocal(TEMPLATE_KEY, label);
        // The trace's span is named by the same template, as the services name theirs, never by the raw path.
        Span.current().updateName(context.request().method().name() + " " + label);
        Span.current().setAttribute(HttpAttributes.HTTP_ROUTE, label);
        context.next();
    }

    private String fallback(String path) {
        for (Upstream upstream : upstreams) {
            if (path.startsWith(upstream.pathPrefix())) {
                return upstream.pathPrefix() + "**";
            }
        }
        return path.startsWith(GatewayRoutes.FHIR_BASE) ? GatewayRoutes.FHIR_BASE + "**" : "/api/**";
    }

    private void refresh() {
        List<Future<JsonObject>> fetches = upstreams.stream().map(this::openApi).toList();
        Future.join(fetches).onComplete(ignored -> {
            boolean complete = true;
            for (int i = 0; i < fetches.size(); i++) {
                Future<JsonObject> fetched = fetches.get(i);
                if (fetched.succeeded()) {
                    knownPaths.put(
                            upstreams.get(i).name(),
                            Set.copyOf(fetched.result()
                                    .getJsonObject("paths", new JsonObject())
                                    .fieldNames()));
                } else {
                    complete = false; // keep what that service documented last time
                }
            }
            TreeSet<String> paths = new TreeSet<>(FHIR_TEMPLATES);
            knownPaths.values().forEach(paths::addAll);
            templates = RouteTemplates.of(new ArrayList<>(paths));
            Log.debugf(
                    "Metrics labels from %d route templates%s",
                    paths.size(), complete ? "" : " (a service did not answer)");
            vertx.setTimer((complete ? REFRESH_EVERY : RETRY_EVERY).toMillis(), timer -> refresh());
        });
    }

    private Future<JsonObject> openApi(Upstream upstream) {
        return Failover.firstSucceeding(
                upstream.rotation(),
                origin -> client.get(origin.port(), origin.host(), "/q/openapi")
                        .addQueryParam("format", "json")
                        .putHeader("Accept", "application/json")
                        .send()
                        .compose(response -> response.statusCode() == 200
                                ? Future.succeededFuture(response.bodyAsJsonObject())
                                : Future.failedFuture("HTTP " + response.statusCode())));
    }
}
