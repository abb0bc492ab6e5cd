package org.meridian.gateway.docs;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import org.meridian.gateway.config.GatewayConfig;
import org.meridian.gateway.routing.Problems;

/**
 * /fhir/r4/metadata: one CapabilityStatement for the whole FHIR endpoint, made of the services' own statements
 * (each lists the resource types it owns). Open, like any FHIR server's, so clients can discover it before login.
 */
@ApplicationScoped
public class FhirCapabilityRoute {

    /** Before the bearer-token check (order -180): the capability statement needs no token. */
    private static final int METADATA_ORDER = -185;

    void install(@Observes Router router, Vertx vertx, GatewayConfig config) {
        WebClient client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()).setIdleTimeout(10));
        List<URI> services = List.of(config.outcomesUrl(), config.intakeUrl());
        router.get("/fhir/r4/metadata").order(METADATA_ORDER).handler(context -> merged(context, client, services));
    }

    private static void merged(RoutingContext context, WebClient client, List<URI> services) {
        List<Future<JsonObject>> fetches = services.stream().map(url -> fetch(client, url)).toList();
        Future.join(fetches).onComplete(ignored -> {
            List<JsonObject> statements = fetches.stream().filter(Future::succeeded).map(Future::result).toList();
            fetches.stream().filter(Future::failed)
                    .forEach(failed -> Log.warnf("FHIR capability statement unavailable: %s", failed.cause().toString()));
            if (statements.isEmpty()) {
                context.response().setStatusCode(502).putHeader("Content-Type", Problems.FHIR_MEDIA_TYPE)
                        .putHeader("Retry-After", "5")
                        .end(Problems.operationOutcome(502, "No service's capability statement could be fetched"));
                return;
            }
            context.response().putHeader("Content-Type", Problems.FHIR_MEDIA_TYPE)
                    .end(merge(statements).encodePrettily());
        });
    }

    /** The first statement, with the resources of the REST server entries of all of them. */
    static JsonObject merge(List<JsonObject> statements) {
        JsonObject merged = statements.get(0).copy();
        JsonArray rest = merged.getJsonArray("rest", new JsonArray());
        if (rest.isEmpty()) {
            rest.add(new JsonObject().put("mode", "server"));
            merged.put("rest", rest);
        }
        JsonObject server = rest.getJsonObject(0);
        JsonArray resources = server.getJsonArray("resource", new JsonArray());
        for (JsonObject statement : statements.subList(1, statements.size())) {
            JsonArray otherRest = statement.getJsonArray("rest", new JsonArray());
            if (!otherRest.isEmpty()) {
                otherRest.getJsonObject(0).getJsonArray("resource", new JsonArray()).forEach(resources::add);
            }
        }
        server.put("resource", resources);
        return merged;
    }

    private static Future<JsonObject> fetch(WebClient client, URI base) {
        int port = base.getPort() != -1 ? base.getPort() : 80;
        return client.get(port, base.getHost(), "/fhir/r4/metadata").putHeader("Accept", "application/fhir+json").send()
                .compose(response -> response.statusCode() == 200
                        ? Future.succeededFuture(response.bodyAsJsonObject())
                        : Future.failedFuture("HTTP " + response.statusCode()));
    }
}
