package org.meridian.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps pipelined requests from nesting on the stack. Vert.x starts the next pipelined request on a connection from
 * inside the end of the previous response; when every response is ended right away (a 401, 404 or 429 the gateway
 * answers itself), each request is handled one level deeper than the last, and a client pipelining a few hundred
 * requests overflowed the stack (found by an outside audit: a plain-text 500 and a stalled connection past 128).
 * Past a small depth the rest of the request is handled on a fresh stack, from the event loop's queue.
 */
final class PipelinedRequestGuard implements Handler<RoutingContext> {

    private static final int MAX_NESTED_REQUESTS = 8;
    private static final ThreadLocal<int[]> NESTED = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public void handle(RoutingContext context) {
        int[] nested = NESTED.get();
        if (nested[0] >= MAX_NESTED_REQUESTS) {
            ((HttpServerRequestInternal) context.request()).context().runOnContext(ignored -> context.next());
            return;
        }
        nested[0]++;
        try {
            context.next();
        } finally {
            nested[0]--;
        }
    }
}
