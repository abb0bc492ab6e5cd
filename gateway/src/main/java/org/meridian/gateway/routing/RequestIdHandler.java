package org.meridian.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an X-Request-Id (keeping a well-formed one from the caller) and returns it on the response. */
final class RequestIdHandler implements Handler<RoutingContext> {

    static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "requestId";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public void handle(RoutingContext context) {
        String incoming = context.request().getHeader(HEADER);
        String id = incoming != null && SAFE_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        context.request().headers().set(HEADER, id);
        context.put(CONTEXT_KEY, id);
        context.addHeadersEndHandler(ignored -> context.response().headers().set(HEADER, id));
        context.next();
    }
}
