package org.meridian.gateway.web;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.meridian.gateway.config.GatewayConfig;
import org.meridian.gateway.routing.Problems;

/**
 * The web app (web/, built by Vite into web/dist) at /app/: its files from MERIDIAN_WEB_DIR, index.html for any other
 * path under /app/ (the app routes in the browser), never anything under /api or /fhir. Hashed assets are cached for a
 * year; everything else is revalidated, so a new build reaches browsers on their next visit. Every answer carries a
 * Content-Security-Policy that allows only the app's own scripts, styles and workers and calls to this origin (plus
 * the OpenID provider's token endpoint when one is configured).
 */
@ApplicationScoped
public class WebAppRoute {

    /** After the security headers (order -190); the app's files need no token. */
    private static final int ORDER = -150;

    static final String PREFIX = "/app/";
    static final String DEMO_SIGN_INS = PREFIX + "demo-sign-ins.json";
    private static final String HASHED_ASSETS = PREFIX + "assets/";

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    void install(@Observes Router router, Vertx vertx, GatewayConfig config) {
        String policy = contentSecurityPolicy(config.smartAuthorizationServer());
        router.routeWithRegex("/app(/.*)?").order(ORDER).handler(context -> {
            HttpServerResponse response = context.response();
            if (context.request().path().equals("/app")) {
                response.setStatusCode(301).putHeader("Location", PREFIX).end();
                return;
            }
            response.putHeader("Content-Security-Policy", policy);
            if (context.request().method() != HttpMethod.GET
                    && context.request().method() != HttpMethod.HEAD) {
                response.putHeader("Allow", "GET, HEAD");
                Problems.send(context, 405, "http-405", "Method Not Allowed", "The web app's files are read-only");
                return;
            }
            String path = context.request().path();
            if (path.equals(DEMO_SIGN_INS)) {
                serveDemoSignIns(context, vertx, config.webDemoSignIns());
                return;
            }
            Optional<Path> root = config.webDir();
            if (root.isEmpty()) {
                Problems.send(
                        context,
                        404,
                        "not-found",
                        "Resource not found",
                        "The web app is not installed on this gateway (MERIDIAN_WEB_DIR is not set)");
                return;
            }
            serve(context, vertx, root.get().toAbsolutePath().normalize(), path);
        });
        config.webDir().ifPresent(dir -> Log.infof("Serving the web app at %s from %s", PREFIX, dir.toAbsolutePath()));
    }

    private static void serve(RoutingContext context, Vertx vertx, Path root, String path) {
        String relative = path.substring(PREFIX.length());
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || relative.contains("\\")) {
            Problems.send(context, 404, "not-found", "Resource not found", "Nothing is served at " + path);
            return;
        }
        vertx.fileSystem().props(file.toString()).onComplete(props -> {
            if (props.succeeded() && props.result().isRegularFile()) {
                send(context, file, path.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
            } else if (path.startsWith(HASHED_ASSETS) || lastSegment(relative).contains(".")) {
                // A missing file is a 404, not the app: a stale page asking for an old asset must not get HTML.
                Problems.send(context, 404, "not-found", "Resource not found", "Nothing is served at " + path);
            } else {
                send(context, root.resolve("index.html"), REVALIDATE);
            }
        });
    }

    private static void serveDemoSignIns(RoutingContext context, Vertx vertx, Optional<Path> file) {
        if (file.isEmpty()) {
            Problems.send(context, 404, "not-found", "Resource not found", "This stack offers no demo sign-ins");
            return;
        }
        vertx.fileSystem().exists(file.get().toString()).onComplete(exists -> {
            if (exists.succeeded() && exists.result()) {
                context.response().putHeader("Cache-Control", "no-store");
                context.response().putHeader("Content-Type", "application/json");
                context.response().sendFile(file.get().toString());
            } else {
                Problems.send(context, 404, "not-found", "Resource not found", "This stack offers no demo sign-ins");
            }
        });
    }

    private static void send(RoutingContext context, Path file, String cacheControl) {
        HttpServerResponse response = context.response();
        response.putHeader("Cache-Control", cacheControl);
        response.putHeader("Content-Type", mediaType(file.getFileName().toString()));
        response.sendFile(file.toString()).onFailure(failure -> {
            if (!response.headWritten()) {
                Problems.send(
                        context,
                        404,
                        "not-found",
                        "Resource not found",
                        "Nothing is served at " + context.request().path());
            }
        });
    }

    static String mediaType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1);
        return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String lastSegment(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    /**
     * Only the app's own files run; no inline script or style, no plug-ins, no framing. Calls go to this origin (the
     * API) and, for the OpenID sign-in, to the provider's origin.
     */
    static String contentSecurityPolicy(Optional<URI> authorizationServer) {
        String provider = authorizationServer
                .map(uri -> " " + uri.getScheme() + "://" + uri.getAuthority())
                .orElse("");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'" + provider + "; manifest-src 'self'; worker-src 'self'; object-src 'none';"
                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
