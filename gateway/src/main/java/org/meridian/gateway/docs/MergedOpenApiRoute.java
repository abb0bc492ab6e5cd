package org.meridian.gateway.docs;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meridian.gateway.config.GatewayConfig;
import org.meridian.gateway.routing.Failover;
import org.meridian.gateway.routing.Problems;

/**
 * Serves the merged OpenAPI document of all services at /openapi (the Swagger UI at /q/swagger-ui shows it).
 * Each service's own document stays reachable at /openapi/{service}.
 */
@ApplicationScoped
public class MergedOpenApiRoute {

    static final String API_VERSION = "1.0.0";

    void install(@Observes Router router, Vertx vertx, GatewayConfig config) {
        WebClient client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setIdleTimeout(10));
        Map<String, List<URI>> services = new LinkedHashMap<>();
        services.put("intake", config.intakeUrls());
        services.put("outcomes", config.outcomesUrls());

        router.get("/openapi").handler(context -> merged(context, client, services));
        router.get("/openapi/:service").handler(context -> {
            List<URI> url = services.get(context.pathParam("service"));
            if (url == null) {
                Problems.send(
                        context,
                        404,
                        "not-found",
                        "Resource not found",
                        "No service named " + context.pathParam("service"));
                return;
            }
            fetch(client, url)
                    .onSuccess(spec -> json(context, spec))
                    .onFailure(failure -> unavailable(context, failure));
        });
    }

    private static void merged(RoutingContext context, WebClient client, Map<String, List<URI>> services) {
        List<String> names = List.copyOf(services.keySet());
        List<Future<JsonObject>> fetches =
                names.stream().map(name -> fetch(client, services.get(name))).toList();
        Future.join(fetches).onComplete(ignored -> {
            Map<String, JsonObject> specs = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Future<JsonObject> fetched = fetches.get(i);
                if (fetched.succeeded()) {
                    specs.put(names.get(i), fetched.result());
                } else {
                    Log.warnf(
                            "OpenAPI of %s unavailable: %s",
                            names.get(i), fetched.cause().toString());
                }
            }
            if (specs.isEmpty()) {
                unavailable(context, fetches.get(0).cause());
                return;
            }
            JsonObject merged;
            try {
                merged = OpenApiMerger.merge(specs, API_VERSION);
            } catch (OpenApiMerger.DuplicateOperationIdException duplicate) {
                Log.errorf("The services' OpenAPI documents cannot be merged: %s", duplicate.getMessage());
                Problems.send(
                        context,
                        500,
                        "internal-error",
                        "Internal Server Error",
                        "The services' OpenAPI documents cannot be merged: " + duplicate.getMessage());
                return;
            } catch (RuntimeException unexpected) {
                // Thrown in a Vert.x callback, it would reach no handler and leave the caller waiting for ever.
                Log.error("The services' OpenAPI documents could not be merged", unexpected);
                Problems.send(
                        context,
                        500,
                        "internal-error",
                        "Internal Server Error",
                        "The services' OpenAPI documents could not be merged");
                return;
            }
            if (specs.size() < names.size()) {
                merged.getJsonObject("info")
                        .put("x-incomplete", "Some services did not answer; their operations are missing");
            }
            json(context, merged);
        });
    }

    /** From the first of the service's replicas that answers. */
    private static Future<JsonObject> fetch(WebClient client, List<URI> replicas) {
        return Failover.firstSucceeding(replicas, base -> fetch(client, base));
    }

    private static Future<JsonObject> fetch(WebClient client, URI base) {
        int port = base.getPort() != -1 ? base.getPort() : 80;
        return client.get(port, base.getHost(), "/q/openapi")
                .addQueryParam("format", "json")
                .putHeader("Accept", "application/json")
                .send()
                .compose(response -> response.statusCode() == 200
                        ? Future.succeededFuture(response.bodyAsJsonObject())
                        : Future.failedFuture("HTTP " + response.statusCode()));
    }

    private static void json(RoutingContext context, JsonObject body) {
        context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body.encodePrettily());
    }

    private static void unavailable(RoutingContext context, Throwable failure) {
        context.response().putHeader("Retry-After", "5");
        Problems.send(
                context,
                502,
                "upstream-unavailable",
                "Bad Gateway",
                "No service's OpenAPI document could be fetched: " + failure.getMessage());
    }
}
