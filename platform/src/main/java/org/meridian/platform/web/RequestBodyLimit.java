package org.meridian.platform.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.meridian.platform.web.problem.CommonProblem;
import org.meridian.platform.web.problem.PayloadTooLargeException;
import org.meridian.platform.web.problem.ProblemDetail;

/**
 * Request bodies are limited to {@code meridian.max-body-bytes} (MERIDIAN_MAX_BODY_BYTES). A declared Content-Length
 * over it is refused here, before anything is read; a chunked body declares no length and is counted as it is read.
 * Either way the answer is a 413 problem document (an OperationOutcome on /fhir), where Quarkus's own limit would
 * answer an empty 413.
 *
 * <p>The body is read here, on the event loop, before the request reaches its (blocking) resource method: left to
 * Quarkus REST, a blocking method reads its body through a stream that hands every chunk from the event loop to the
 * worker thread under the connection's lock, which a profile of submissions under load put at a fifth of
 * outcomes-service's CPU. Quarkus REST then reads the body from memory. (A non-blocking resource method with a body
 * would find the request already read and see an empty body; the services have none.)
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** Before Quarkus's own check of a declared length (order -2). */
    private static final int DECLARED_LENGTH_ORDER = -3;

    /** After that check, before authentication and the resource methods. */
    private static final int READ_BODY_ORDER = -1;

    @ConfigProperty(name = "meridian.max-body-bytes")
    long maxBodyBytes;

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    void install(@Observes Router router) {
        router.route().order(DECLARED_LENGTH_ORDER).handler(this::refuseDeclaredOverLimit);
        router.route().order(READ_BODY_ORDER).handler(this::readBody);
    }

    private void refuseDeclaredOverLimit(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null || !over(length)) {
            context.next();
            return;
        }
        refuse(context);
    }

    private void readBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded() || !carriesBody(request.method())) {
            context.next();
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            context.response().writeContinue();
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > maxBodyBytes) {
                refused[0] = true;
                refuse(context);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ignored -> {
            if (!refused[0]) {
                context.setBody(body);
                context.next();
            }
        });
        request.exceptionHandler(failure -> {
            if (!context.response().closed()) {
                context.fail(failure);
            } // else the caller hung up while sending: there is nobody to answer, and nothing went wrong here
        });
        request.resume();
    }

    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private void refuse(RoutingContext context) {
        String path = context.request().path();
        String requestId = RequestIds.accept(context.request().getHeader(RequestIds.HEADER));
        String detail = new PayloadTooLargeException(maxBodyBytes).getMessage();
        boolean fhir = path.startsWith("/fhir/");
        JsonObject body = fhir
                ? new JsonObject()
                        .put("resourceType", "OperationOutcome")
                        .put(
                                "issue",
                                new JsonArray()
                                        .add(new JsonObject()
                                                .put("severity", "error")
                                                .put("code", "too-costly")
                                                .put("diagnostics", detail)))
                : new JsonObject()
                        .put("type", CommonProblem.PAYLOAD_TOO_LARGE.uri())
                        .put("title", CommonProblem.PAYLOAD_TOO_LARGE.title())
                        .put("status", 413)
                        .put("detail", detail)
                        .put("instance", path)
                        .put("requestId", requestId);
        LingeringClose.schedule(context);
        context.response()
                .setStatusCode(413)
                .putHeader("Content-Type", fhir ? "application/fhir+json" : ProblemDetail.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .putHeader(RequestIds.HEADER, requestId)
                .end(body.encode());
    }

    private boolean over(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
