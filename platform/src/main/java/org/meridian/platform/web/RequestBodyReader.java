package org.meridian.platform.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.meridian.platform.web.problem.PayloadTooLargeException;

/**
 * Every request body (JSON and FHIR JSON alike) passes here before it is parsed:
 * <ul>
 * <li>a body {@link RequestBodyLimit} has not read already is read up to the limit, counting the bytes actually
 * received, so a chunked body (no Content-Length) over it is a 413 like a declared one, and the rest of it is never
 * parsed or stored;</li>
 * <li>a JSON string or member name holding an unpaired UTF-16 surrogate is a 400 naming the field
 * ({@link UnpairedSurrogates}): UTF-8, and so PostgreSQL, cannot hold one, and it would be stored as '?'.</li>
 * </ul>
 * A request filter after authentication and authorization, not a reader interceptor: with any reader interceptor
 * registered, Quarkus REST parses the resource method's parameter annotations by reflection for every request with a
 * body (2 % of outcomes-service's CPU per submission).
 */
public class RequestBodyReader {

    @Inject
    RequestBodyLimit limit;

    @Inject
    CurrentVertxRequest currentRequest;

    @ServerRequestFilter(priority = Priorities.ENTITY_CODER)
    public void checkBody(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        Buffer alreadyRead = currentRequest.getCurrent().body().buffer();
        byte[] body;
        if (alreadyRead != null) {
            body = alreadyRead.getBytes();
        } else {
            body = readAtMost(request.getEntityStream(), limit.maxBodyBytes());
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        if (isJson(request.getMediaType())) {
            UnpairedSurrogates.find(body).ifPresent(field -> {
                throw new UnpairedSurrogateException(field);
            });
        }
    }

    private byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            if (body.size() + (long) read > max) {
                LingeringClose.schedule(currentRequest.getCurrent());
                throw new PayloadTooLargeException(max);
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }
}
