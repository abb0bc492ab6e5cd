package org.meridian.platform.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.meridian.platform.web.problem.CommonProblem;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.FieldProblem;

/**
 * A request whose URI {@link URI} cannot parse (a {@code %} not followed by two hexadecimal digits, a raw {@code |},
 * {@code {} or space) is refused by Quarkus before any route, with an empty 400. The run scripts, the image and the
 * manifests start the JVM with {@code -Dvertx.disableURIValidation=true}, which turns that check off; this route, the
 * first of all, makes the same check and answers a 400 validation-error problem naming the query parameter (or the
 * path) at fault, an OperationOutcome on /fhir/. A JVM started without the property keeps Quarkus's empty 400.
 */
@ApplicationScoped
public class InvalidRequestUris {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String uri = context.request().uri();
        try {
            new URI(uri);
        } catch (URISyntaxException invalid) {
            String field = partAt(uri, invalid.getIndex());
            String message = "is not a valid URI component (" + invalid.getReason()
                    + "): percent-encode it as RFC 3986 says, a '%' followed by two hexadecimal digits";
            RouteProblems.send(
                    context,
                    new RouteProblems.RouteProblem(
                            400,
                            CommonProblem.VALIDATION_ERROR.uri(),
                            CommonProblem.VALIDATION_ERROR.title(),
                            "invalid",
                            ("path".equals(field) ? "The path " : "Query parameter '" + field + "' ") + message,
                            new FieldProblem(field, ErrorCode.INVALID_FORMAT, message)),
                    false);
            return;
        }
        context.next();
    }

    /** "path", or the name of the query parameter the character at {@code index} belongs to. */
    private static String partAt(String uri, int index) {
        int query = uri.indexOf('?');
        if (query < 0 || index <= query) {
            return "path";
        }
        int start = uri.lastIndexOf('&', index - 1);
        start = Math.max(start, query) + 1;
        int end = uri.indexOf('&', start);
        String pair = uri.substring(start, end < 0 ? uri.length() : end);
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException undecodable) {
            return name;
        }
    }
}
