package org.meridian.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The upstream request as the proxy holds it, except that a reset once its response has been received whole does
 * nothing. Vert.x's proxy resets the upstream request when the caller's connection closes before the gateway has
 * ended its answer, which a caller that hangs up as soon as it has read the last byte (Connection: close) often
 * does. Vert.x 4.5 then closes the upstream connection even though that exchange is over and the pool may already
 * have lent the connection to the next request, which failed with a 502 "Connection was closed"
 * ({@code CallerHangsUpTest}). A reset while the response is still arriving (a caller abandoning an export) still
 * aborts it.
 */
final class ResetOnlyInFlight {

    private ResetOnlyInFlight() {}

    static HttpClientRequest guard(HttpClientRequest request) {
        return (HttpClientRequest) Proxy.newProxyInstance(
                HttpClientRequest.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class},
                (self, method, args) -> {
                    if (method.getName().equals("reset") && responseReceived(request)) {
                        return false;
                    }
                    try {
                        return method.invoke(request, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean responseReceived(HttpClientRequest request) {
        Future<HttpClientResponse> response = request.response();
        return response.succeeded() && response.result().end().isComplete();
    }
}
