package org.meridian.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A request whose URI {@link URI} cannot parse (a {@code %} not followed by two hexadecimal digits, a raw {@code |},
 * {@code {} or space) is refused here with a 400 validation-error problem, an OperationOutcome on /fhir/. Quarkus would
 * refuse it before any route with an empty 400; the JVM runs with {@code -Dvertx.disableURIValidation=true}, which
 * turns that check off so that this answer can be a problem document like every other.
 */
final class InvalidUriGuard implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext context) {
        try {
            new URI(context.request().uri());
        } catch (URISyntaxException invalid) {
            Problems.send(
                    context,
                    400,
                    "validation-error",
                    "Invalid request",
                    "The request URI is not valid at character " + invalid.getIndex() + " (" + invalid.getReason()
                            + "): percent-encode it as RFC 3986 says, a '%' followed by two hexadecimal digits");
            return;
        }
        context.next();
    }
}
