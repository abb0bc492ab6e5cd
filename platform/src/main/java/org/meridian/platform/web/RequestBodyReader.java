package org.meridian.platform.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.meridian.platform.web.problem.PayloadTooLargeException;

/**
 * Every request body (JSON and FHIR JSON alike) passes here before it is parsed:
 * <ul>
 * <li>it is read up to the limit, counting the bytes actually received, so a chunked body (no Content-Length) over it
 * is a 413 like a declared one ({@link RequestBodyLimit}), and the rest of it is never parsed or stored;</li>
 * <li>a JSON string or member name holding an unpaired UTF-16 surrogate is a 400 naming the field
 * ({@link UnpairedSurrogates}): UTF-8, and so PostgreSQL, cannot hold one, and it would be stored as '?'.</li>
 * </ul>
 */
@Provider
public class RequestBodyReader implements ReaderInterceptor {

    @Inject
    RequestBodyLimit limit;

    @Inject
    CurrentVertxRequest currentRequest;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream(), limit.maxBodyBytes());
        if (isJson(context.getMediaType())) {
            UnpairedSurrogates.find(body).ifPresent(field -> {
                throw new UnpairedSurrogateException(field);
            });
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
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
