package org.meridian.platform.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.meridian.platform.security.VerifiedTokens;
import org.meridian.platform.web.problem.CommonProblem;
import org.meridian.platform.web.problem.PayloadTooLargeException;
import org.meridian.platform.web.problem.ProblemKind;

/**
 * Request bodies are limited to {@code meridian.max-body-bytes} (MERIDIAN_MAX_BODY_BYTES). A declared Content-Length
 * over it is refused here, before anything is read; a chunked body declares no length and is counted as it is read.
 * Either way the answer is a 413 problem document (an OperationOutcome on /fhir), where Quarkus's own limit would
 * answer an empty 413.
 *
 * <p>The body of a call that carries a bearer token is read here, on the event loop, before the request reaches its
 * (blocking) resource method: left to Quarkus REST, a blocking method reads its body through a stream that hands every
 * chunk from the event loop to the worker thread under the connection's lock, which a profile of submissions under
 * load put at a fifth of outcomes-service's CPU. Quarkus REST then reads the body from memory. A body that has not
 * arrived within {@code meridian.body-read-timeout} (60 s, as Quarkus's own read timeout) is a 408, so a caller that
 * stalls half-way does not hold its part of the body in memory for long. Only the body of a call whose bearer token
 * verifies is read here (a token seen before is a lookup; a new one is verified on a worker thread first, as its
 * issuer's keys may have to be fetched): a call without a token, or with one that does not verify, is left to Quarkus
 * REST, which refuses it before reading anything. (A non-blocking resource method with a body would find the request
 * already read and see an empty body; the services have none.)
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** Before Quarkus's own check of a declared length (order -2). */
    private static final int DECLARED_LENGTH_ORDER = -3;

    /** After that check, before authentication and the resource methods. */
    private static final int READ_BODY_ORDER = -1;

    private static final String BEARER = "Bearer ";

    @ConfigProperty(name = "meridian.max-body-bytes")
    long maxBodyBytes;

    @Inject
    VerifiedTokens tokens;

    @ConfigProperty(name = "meridian.body-read-timeout", defaultValue = "60s")
    Duration readTimeout;

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
        refuseTooLarge(context);
    }

    private void readBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        String token = request.isEnded() || !carriesBody(request.method()) ? null : bearerToken(request);
        if (token == null) {
            context.next();
        } else if (tokens.remembers(token)) {
            read(context);
        } else {
            context.vertx().executeBlocking(() -> tokens.verifies(token), false).onComplete(verified -> {
                if (verified.succeeded() && verified.result()) {
                    read(context);
                } else {
                    context.next();
                }
            });
        }
    }

    private static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            context.response().writeContinue();
        }
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        long timer = context.vertx().setTimer(readTimeout.toMillis(), ignored -> {
            refused[0] = true;
            refuse(
                    context,
                    408,
                    ProblemKind.uriForStatus(408),
                    ProblemKind.titleForStatus(408),
                    "timeout",
                    "The request body did not arrive within " + readTimeout.toSeconds() + " s");
        });
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > maxBodyBytes) {
                refused[0] = true;
                context.vertx().cancelTimer(timer);
                refuseTooLarge(context);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ignored -> {
            context.vertx().cancelTimer(timer);
            if (!refused[0]) {
                context.setBody(body);
                context.next();
            }
        });
        request.exceptionHandler(failure -> {
            refused[0] = true;
            context.vertx().cancelTimer(timer); // else it would hold the partial body and answer nobody, a minute on
            if (!context.response().closed()) {
                context.fail(failure);
            } // else the caller hung up while sending: there is nobody to answer, and nothing went wrong here
        });
        request.resume();
    }

    private static boolean carriesBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private void refuseTooLarge(RoutingContext context) {
        refuse(
                context,
                413,
                CommonProblem.PAYLOAD_TOO_LARGE.uri(),
                CommonProblem.PAYLOAD_TOO_LARGE.title(),
                "too-costly",
                new PayloadTooLargeException(maxBodyBytes).getMessage());
    }

    /** Answers and closes the connection once the caller has sent the rest (LingeringClose). */
    private static void refuse(
            RoutingContext context, int status, String type, String title, String fhirCode, String detail) {
        LingeringClose.schedule(context);
        RouteProblems.send(context, new RouteProblems.RouteProblem(status, type, title, fhirCode, detail, null), true);
    }

    private boolean over(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
