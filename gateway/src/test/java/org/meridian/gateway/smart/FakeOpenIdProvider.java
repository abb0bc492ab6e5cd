package org.meridian.gateway.smart;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server publishing an OpenID configuration shaped like Keycloak 26's (test resource
 * oidc/keycloak-openid-configuration.json): the gateway reads its endpoints for the SMART configuration.
 * scripts/keycloak-test.sh checks the same against a real Keycloak.
 */
public class FakeOpenIdProvider implements QuarkusTestResourceLifecycleManager {

    static final String REALM_PATH = "/realms/meridian";

    private Vertx vertx;

    static String document(String base) {
        try (InputStream in =
                FakeOpenIdProvider.class.getResourceAsStream("/oidc/keycloak-openid-configuration.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{base}", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals(REALM_PATH + "/.well-known/openid-configuration")) {
                String base = "http://" + request.authority().toString();
                request.response().putHeader("Content-Type", "application/json").end(document(base));
            } else {
                request.response().setStatusCode(404).end();
            }
        });
        try {
            server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the fake OpenID provider did not start", e);
        }
        return Map.of("meridian.smart.authorization-server", "http://127.0.0.1:" + server.actualPort() + REALM_PATH);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
