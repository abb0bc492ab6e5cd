package org.meridian.gateway.routing;

import io.vertx.core.http.HttpClientRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The upstream request as the proxy holds it, except that a reset once the upstream has begun to answer does nothing.
 * Vert.x's proxy resets the upstream request when the caller's connection closes before the gateway has ended its
 * answer, which a caller that hangs up as soon as it has read the last byte (Connection: close) often does. Vert.x 4.5
 * then closes the upstream connection even when that exchange is over and the pool has already lent the connection to
 * the next request, which failed with a 502 "Connection was closed" ({@code CallerHangsUpTest}). Whether the exchange
 * is over cannot be told reliably from here (the connection's event loop recycles it before the request's learns that
 * the response ended), so once the response has begun no reset is passed on: an answer the caller abandoned half-way
 * is left to finish or to time out (MERIDIAN_GATEWAY_TIMEOUT), which closes only that connection. Before the response
 * begins, a reset (a body over the limit, a caller gone while sending) still aborts the upstream request.
 */
final class ResetOnlyBeforeResponse {

    private ResetOnlyBeforeResponse() {}

    static HttpClientRequest guard(HttpClientRequest request) {
        return (HttpClientRequest) Proxy.newProxyInstance(
                HttpClientRequest.class.getClassLoader(),
                new Class<?>[] {HttpClientRequest.class},
                (self, method, args) -> {
                    if (method.getName().equals("reset") && request.response().succeeded()) {
                        return false;
                    }
                    try {
                        return method.invoke(request, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
