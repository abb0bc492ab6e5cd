package org.meridian.platform.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * After refusing a request whose body is still arriving: the rest of the body is read and dropped, and the connection
 * closed once the answer is out and the caller has sent everything (or after a while). Closing at once would make the
 * operating system reset the connection while the caller is still sending, and many clients then never read the
 * answer; keeping it open would leave the unread body in the way of the next request.
 */
public final class LingeringClose {

    private static final long LINGER_MILLIS = 10_000;

    private LingeringClose() {}

    /** From any thread; the answer should say {@code Connection: close}. */
    static void schedule(RoutingContext context) {
        ((HttpServerRequestInternal) context.request()).context().runOnContext(ignored -> start(context));
    }

    private static void start(RoutingContext context) {
        HttpServerRequest request = context.request();
        long timer = context.vertx()
                .setTimer(LINGER_MILLIS, ignored -> request.connection().close());
        Runnable closeOnceAnswered = () -> {
            if (context.response().ended()) {
                context.vertx().cancelTimer(timer);
                request.connection().close();
            } else {
                context.addEndHandler(ignored -> {
                    context.vertx().cancelTimer(timer);
                    request.connection().close();
                });
            }
        };
        if (request.isEnded()) {
            closeOnceAnswered.run();
            return;
        }
        request.handler(ignored -> {});
        request.endHandler(ignored -> closeOnceAnswered.run());
        request.resume();
    }
}
