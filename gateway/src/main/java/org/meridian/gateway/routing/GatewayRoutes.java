package org.meridian.gateway.routing;

import io.quarkus.logging.Log;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.meridian.gateway.config.GatewayConfig;

/**
 * The gateway's routing table: each public prefix is streamed to the service that owns it by
 * Vert.x's reverse proxy, so bodies are never buffered whole in the gateway.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** Runs before Quarkus' own handlers so that every request, proxied or not, carries an id. */
    private static final int REQUEST_ID_ORDER = -1000;
    private static final int PROXY_ORDER = -900;

    void install(@Observes Router router, Vertx vertx, GatewayConfig config) {
        router.route().order(REQUEST_ID_ORDER).handler(new RequestIdHandler());

        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));

        for (Upstream upstream : upstreams(config)) {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> originRequest(context, upstream, config))
                    .addInterceptor(new UpstreamFailureInterceptor(upstream));
            router.route(upstream.pathPrefix() + "*").order(PROXY_ORDER)
                    .handler(routingContext -> proxy.handle(routingContext.request()));
            Log.infof("Routing %s* to %s at %s:%d", upstream.pathPrefix(), upstream.name(), upstream.host(), upstream.port());
        }
    }

    static List<Upstream> upstreams(GatewayConfig config) {
        return List.of(
                Upstream.of("intake", "/api/v1/intake/", config.intakeUrl()),
                Upstream.of("outcomes", "/api/v1/outcomes/", config.outcomesUrl()));
    }

    private static Future<HttpClientRequest> originRequest(ProxyContext context, Upstream upstream, GatewayConfig config) {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.timeout().toMillis());
        return context.client().request(options);
    }
}
