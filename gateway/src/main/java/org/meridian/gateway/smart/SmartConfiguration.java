package org.meridian.gateway.smart;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meridian.gateway.config.GatewayConfig;

/**
 * SMART App Launch 2.x discovery: the sign-in endpoints come from the OpenID Connect provider's own configuration
 * (read at most every 5 minutes, the last good one kept while the provider is unreachable), and what Meridian's FHIR
 * server supports (scopes, launch contexts, client kinds) is said here, once, for the /.well-known document and the
 * CapabilityStatement's security.
 */
@ApplicationScoped
public class SmartConfiguration {

    static final Duration REFRESH = Duration.ofMinutes(5);

    /** The launch, client and permission capabilities the services and the realm implement (docs/security.md). */
    static final List<String> CAPABILITIES = List.of(
            "launch-ehr",
            "launch-standalone",
            "authorize-post",
            "client-public",
            "client-confidential-symmetric",
            "client-confidential-asymmetric",
            "context-ehr-patient",
            "context-standalone-patient",
            "permission-offline",
            "permission-patient",
            "permission-user",
            "permission-v1",
            "permission-v2",
            "sso-openid-connect");

    /**
     * The scopes the realm (deploy/keycloak/meridian-realm.json) offers SMART apps; resource scopes follow
     * patient|user|system/Type.cruds. SmartConfigurationRouteTest holds the two together.
     */
    static final List<String> SCOPES = List.of(
            "openid",
            "fhirUser",
            "launch",
            "launch/patient",
            "online_access",
            "offline_access",
            "patient/*.rs",
            "patient/*.cruds",
            "patient/Observation.rs",
            "patient/QuestionnaireResponse.cru",
            "user/*.rs",
            "user/*.cruds",
            "user/Observation.rs",
            "user/QuestionnaireResponse.cru",
            "system/*.rs",
            "system/*.cruds");

    private static final List<String> GRANT_TYPES =
            List.of("authorization_code", "client_credentials", "refresh_token");
    private static final List<String> CLIENT_AUTH_METHODS =
            List.of("private_key_jwt", "client_secret_basic", "client_secret_post");

    private final Optional<URI> discoveryUrl;
    private final WebClient client;
    private volatile JsonObject provider;
    private volatile Instant fetchedAt = Instant.EPOCH;

    SmartConfiguration(Vertx vertx, GatewayConfig config) {
        this.discoveryUrl = config.smartDiscoveryUrl()
                .or(() -> config.smartAuthorizationServer()
                        .map(issuer ->
                                URI.create(stripSlash(issuer.toString()) + "/.well-known/openid-configuration")));
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setIdleTimeout(10));
    }

    /** Whether an authorization server is configured at all (not with the local key). */
    public boolean configured() {
        return discoveryUrl.isPresent();
    }

    /** The document served at /fhir/r4/.well-known/smart-configuration. */
    public Future<JsonObject> document() {
        return provider().map(SmartConfiguration::smartDocument);
    }

    /** The SMART oauth-uris extension of the CapabilityStatement's rest.security. */
    public Future<JsonObject> oauthUrisExtension() {
        return provider().map(found -> {
            JsonArray uris = new JsonArray()
                    .add(uri("authorize", found.getString("authorization_endpoint")))
                    .add(uri("token", found.getString("token_endpoint")));
            Optional.ofNullable(found.getString("revocation_endpoint"))
                    .ifPresent(revoke -> uris.add(uri("revoke", revoke)));
            return new JsonObject()
                    .put("url", "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")
                    .put("extension", uris);
        });
    }

    private static JsonObject uri(String name, String value) {
        return new JsonObject().put("url", name).put("valueUri", value);
    }

    static JsonObject smartDocument(JsonObject provider) {
        JsonObject document = new JsonObject()
                .put("issuer", provider.getString("issuer"))
                .put("jwks_uri", provider.getString("jwks_uri"))
                .put("authorization_endpoint", provider.getString("authorization_endpoint"))
                .put("token_endpoint", provider.getString("token_endpoint"))
                .put("grant_types_supported", offered(provider, "grant_types_supported", GRANT_TYPES))
                .put(
                        "token_endpoint_auth_methods_supported",
                        offered(provider, "token_endpoint_auth_methods_supported", CLIENT_AUTH_METHODS))
                .put("scopes_supported", new JsonArray(SCOPES))
                .put("response_types_supported", new JsonArray().add("code"))
                .put("code_challenge_methods_supported", new JsonArray().add("S256"))
                .put("capabilities", new JsonArray(CAPABILITIES));
        for (String optional : List.of(
                "revocation_endpoint",
                "introspection_endpoint",
                "userinfo_endpoint",
                "token_endpoint_auth_signing_alg_values_supported")) {
            Optional.ofNullable(provider.getValue(optional)).ifPresent(value -> document.put(optional, value));
        }
        return document;
    }

    /** Meridian's choices that the provider also announces, in Meridian's order. */
    private static JsonArray offered(JsonObject provider, String field, List<String> wanted) {
        JsonArray announced = provider.getJsonArray(field, new JsonArray());
        return new JsonArray(wanted.stream().filter(announced::contains).toList());
    }

    private Future<JsonObject> provider() {
        JsonObject known = provider;
        if (known != null && fetchedAt.plus(REFRESH).isAfter(Instant.now())) {
            return Future.succeededFuture(known);
        }
        URI url = discoveryUrl.orElseThrow();
        return client.getAbs(url.toString())
                .putHeader("Accept", "application/json")
                .send()
                .compose(response -> response.statusCode() == 200
                        ? Future.succeededFuture(response.bodyAsJsonObject())
                        : Future.failedFuture("HTTP " + response.statusCode() + " from " + url))
                .map(found -> {
                    provider = found;
                    fetchedAt = Instant.now();
                    return found;
                })
                .recover(failure -> {
                    Log.warnf("OpenID configuration of the SMART authorization server unavailable: %s", failure);
                    return known != null ? Future.succeededFuture(known) : Future.failedFuture(failure);
                });
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
