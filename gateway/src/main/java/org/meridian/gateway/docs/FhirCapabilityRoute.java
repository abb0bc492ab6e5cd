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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.meridian.gateway.config.GatewayConfig;
import org.meridian.gateway.routing.Failover;
import org.meridian.gateway.routing.Problems;
import org.meridian.gateway.smart.SmartConfiguration;

/**
 * /fhir/r4/metadata: one CapabilityStatement for the whole FHIR endpoint, with the server's own identity, made of
 * the services' own statements (each lists the resource types it owns). Open, like any FHIR server's, so clients can
 * discover it before login.
 */
@ApplicationScoped
public class FhirCapabilityRoute {

    /** Before the bearer-token check (order -180): the capability statement needs no token. */
    private static final int METADATA_ORDER = -185;

    private static final String FHIR_BASE = "/fhir/r4";
    private static final String METADATA_PATH = FHIR_BASE + "/metadata";
    /** The canonical URL of the whole server's statement; the services' own are .../intake and .../outcomes. */
    static final String CANONICAL_URL = "https://meridian.example/fhir/CapabilityStatement/meridian";

    void install(@Observes Router router, Vertx vertx, GatewayConfig config, SmartConfiguration smart) {
        WebClient client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setIdleTimeout(10));
        List<List<URI>> services = List.of(config.outcomesUrls(), config.intakeUrls());
        router.get(METADATA_PATH).order(METADATA_ORDER).handler(context -> merged(context, client, services, smart));
    }

    private static void merged(
            RoutingContext context, WebClient client, List<List<URI>> services, SmartConfiguration smart) {
        List<Future<JsonObject>> fetches =
                services.stream().map(url -> fetch(client, url)).toList();
        Future.join(fetches).onComplete(ignored -> {
            List<JsonObject> statements = fetches.stream()
                    .filter(Future::succeeded)
                    .map(Future::result)
                    .toList();
            fetches.stream()
                    .filter(Future::failed)
                    .forEach(failed -> Log.warnf(
                            "FHIR capability statement unavailable: %s",
                            failed.cause().toString()));
            if (statements.isEmpty()) {
                context.response()
                        .setStatusCode(502)
                        .putHeader("Content-Type", Problems.FHIR_MEDIA_TYPE)
                        .putHeader("Retry-After", "5")
                        .end(Problems.operationOutcome(502, "No service's capability statement could be fetched"));
                return;
            }
            String uri = context.request().absoluteURI();
            String base = uri.substring(0, uri.indexOf(METADATA_PATH));
            JsonObject statement = merge(statements, base + FHIR_BASE);
            withOauthUris(statement, smart)
                    .onComplete(done -> context.response()
                            .putHeader("Content-Type", Problems.FHIR_MEDIA_TYPE)
                            .end(statement.encodePrettily()));
        });
    }

    /**
     * SMART's oauth-uris extension on the security of a statement, when an authorization server is configured and
     * its OpenID configuration can be read; the statement is served without it otherwise.
     */
    private static Future<Void> withOauthUris(JsonObject statement, SmartConfiguration smart) {
        if (!smart.configured()) {
            return Future.succeededFuture();
        }
        JsonObject server = statement.getJsonArray("rest").getJsonObject(0);
        return smart.oauthUrisExtension()
                .map(extension -> {
                    JsonObject security = server.getJsonObject("security", new JsonObject());
                    server.put("security", security.put("extension", new JsonArray().add(extension)));
                    return (Void) null;
                })
                .otherwiseEmpty();
    }

    /**
     * The statement of the whole Meridian FHIR server at {@code base}: its own identity, the resources of the REST
     * server entries of all the services' statements (each lists the resource types it owns, with exactly the
     * interactions, flags and search parameters it implements), their formats, and each service's security notes.
     */
    static JsonObject merge(List<JsonObject> statements, String base) {
        JsonObject first = statements.getFirst();
        JsonArray formats = new JsonArray();
        JsonArray resources = new JsonArray();
        Set<String> types = new HashSet<>();
        List<String> descriptions = new ArrayList<>();
        List<String> securityNotes = new ArrayList<>();
        JsonObject security = null;
        for (JsonObject statement : statements) {
            statement.getJsonArray("format", new JsonArray()).stream()
                    .filter(format -> !formats.contains(format))
                    .forEach(formats::add);
            Optional.ofNullable(statement.getString("description")).ifPresent(descriptions::add);
            JsonArray rest = statement.getJsonArray("rest", new JsonArray());
            if (rest.isEmpty()) {
                continue;
            }
            JsonObject server = rest.getJsonObject(0);
            server.getJsonArray("resource", new JsonArray()).stream()
                    .map(JsonObject.class::cast)
                    .filter(resource -> types.add(resource.getString("type")))
                    .forEach(resources::add);
            JsonObject serviceSecurity = server.getJsonObject("security");
            if (serviceSecurity != null) {
                security = security == null ? serviceSecurity.copy() : security;
                Optional.ofNullable(serviceSecurity.getString("description")).ifPresent(securityNotes::add);
            }
        }
        JsonObject server = new JsonObject().put("mode", "server");
        if (security != null) {
            server.put("security", security.put("description", String.join("\n\n", securityNotes)));
        }
        server.put("resource", resources);
        return new JsonObject()
                .put("resourceType", "CapabilityStatement")
                .put("id", "meridian")
                .put("url", CANONICAL_URL)
                .put("name", "Meridian")
                .put("title", "Meridian FHIR R4 API")
                .put("status", "active")
                .put("experimental", false)
                .put("date", latestDate(statements))
                .put("publisher", "Meridian")
                .put(
                        "description",
                        "The whole FHIR R4 endpoint of Meridian, patient-reported outcomes of"
                                + " acupuncture for back pain. " + String.join(" ", descriptions))
                .put("kind", "instance")
                .put(
                        "implementation",
                        new JsonObject().put("description", "Meridian").put("url", base))
                .put("fhirVersion", first.getString("fhirVersion"))
                .put("format", formats)
                .put("rest", new JsonArray().add(server));
    }

    /** When the newest of the statements changed (a required element), else now. */
    private static String latestDate(List<JsonObject> statements) {
        return statements.stream()
                .map(statement -> statement.getString("date"))
                .filter(Objects::nonNull)
                .flatMap(date -> {
                    try {
                        return Stream.of(OffsetDateTime.parse(date));
                    } catch (DateTimeParseException e) {
                        return Stream.empty();
                    }
                })
                .max(Comparator.naturalOrder())
                .orElseGet(OffsetDateTime::now)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** From the first of the service's replicas that answers. */
    private static Future<JsonObject> fetch(WebClient client, List<URI> replicas) {
        return Failover.firstSucceeding(replicas, base -> fetch(client, base));
    }

    private static Future<JsonObject> fetch(WebClient client, URI base) {
        int port = base.getPort() != -1 ? base.getPort() : 80;
        return client.get(port, base.getHost(), METADATA_PATH)
                .putHeader("Accept", "application/fhir+json")
                .send()
                .compose(response -> response.statusCode() == 200
                        ? Future.succeededFuture(response.bodyAsJsonObject())
                        : Future.failedFuture("HTTP " + response.statusCode()));
    }
}
