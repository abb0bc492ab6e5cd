package org.meridian.gateway.routing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for intake-service, echoing what it received, and a closed port
 * standing in for an outcomes-service that is down.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    static final long SLOW_MILLIS = 3_000;
    public static final int USER_LIMIT_PER_MINUTE = 30;
    public static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    /** The upstream lists what it received whole at this path (bodies cut off by the gateway are not in it). */
    public static final String RECEIVED_PATH = "/api/v1/intake/received";

    static final JsonObject OPENAPI = new JsonObject()
            .put("openapi", "3.1.0")
            .put(
                    "paths",
                    new JsonObject()
                            .put(
                                    "/api/v1/intake/clinics",
                                    new JsonObject()
                                            .put(
                                                    "get",
                                                    new JsonObject()
                                                            .put(
                                                                    "responses",
                                                                    new JsonObject()
                                                                            .put(
                                                                                    "404",
                                                                                    new JsonObject()
                                                                                            .put(
                                                                                                    "$ref",
                                                                                                    "#/components/schemas/Problem")))))
                            .put("/api/v1/intake/clinics/{clinicId}", new JsonObject().put("get", new JsonObject()))
                            .put(
                                    "/api/v1/intake/clinics/{clinicId}/patients/{patientId}",
                                    new JsonObject().put("get", new JsonObject())))
            .put(
                    "components",
                    new JsonObject()
                            .put("schemas", new JsonObject().put("Problem", new JsonObject().put("type", "object"))));
    private final Map<String, String> overrides = new HashMap<>();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private Vertx vertx;

    /** Init arguments override the configuration below (a test profile's own limits). */
    @Override
    public void init(Map<String, String> initArgs) {
        overrides.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    if (request.path().equals("/q/openapi")) {
                        request.response()
                                .putHeader("Content-Type", "application/json")
                                .end(OPENAPI.encode());
                        return;
                    }
                    if (request.path().equals(RECEIVED_PATH)) {
                        request.response()
                                .putHeader("Content-Type", "application/json")
                                .end(new JsonArray(List.copyOf(received)).encode());
                        return;
                    }
                    received.add(request.uri());
                    JsonObject echo = new JsonObject()
                            .put("method", request.method().name())
                            .put("uri", request.uri())
                            .put("requestId", request.getHeader("X-Request-Id"))
                            .put(
                                    "traceparent",
                                    String.join(",", request.headers().getAll("traceparent")))
                            .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                            .put("forwardedProto", request.getHeader("X-Forwarded-Proto"))
                            .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                            .put("forwarded", request.getHeader("Forwarded"))
                            .put("forwardedPrefix", request.getHeader("X-Forwarded-Prefix"))
                            .put("forwardedPort", request.getHeader("X-Forwarded-Port"))
                            .put("realIp", request.getHeader("X-Real-IP"))
                            .put("custom", request.getHeader("X-Custom"))
                            .put("authorization", request.getHeader("Authorization"))
                            .put("bodyLength", body.length())
                            .put("bodySha", Integer.toHexString(body.toString().hashCode()));
                    long delay = request.path().endsWith("/slow") ? SLOW_MILLIS : 0;
                    Runnable reply = () -> request.response()
                            .setStatusCode(request.path().endsWith("/teapot") ? 418 : 200)
                            .putHeader("Content-Type", "application/json")
                            .putHeader("X-Upstream", "intake")
                            .end(echo.encode());
                    if (delay > 0) {
                        vertx.setTimer(delay, ignored -> reply.run());
                    } else {
                        reply.run();
                    }
                }));
        int port;
        try {
            port = server.listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("fake upstream did not start", e);
        }
        Map<String, String> config = new HashMap<>(Map.of(
                "meridian.intake.url",
                "http://127.0.0.1:" + port,
                "meridian.outcomes.url",
                "http://127.0.0.1:" + closedPort(),
                "meridian.gateway.timeout",
                "1s",
                "meridian.gateway.rate-limit.user-per-minute",
                Integer.toString(USER_LIMIT_PER_MINUTE),
                "meridian.gateway.max-body-bytes",
                Integer.toString(MAX_BODY_BYTES)));
        config.putAll(overrides);
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** A local port nothing listens on: connections to it are refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
