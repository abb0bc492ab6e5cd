package org.meridian.platform.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.meridian.platform.web.problem.FieldProblem;
import org.meridian.platform.web.problem.ProblemDetail;

/**
 * The answer of a request refused on a Vert.x route, before it reaches Quarkus REST and its exception mappers: a
 * problem document, as every other refusal, or an OperationOutcome on /fhir/.
 */
final class RouteProblems {

    private RouteProblems() {}

    /** A problem to send: {@code fhirCode} is the OperationOutcome issue's code; {@code field} may be null. */
    record RouteProblem(int status, String type, String title, String fhirCode, String detail, FieldProblem field) {}

    /** Ends the response with the problem; {@code close} also asks the caller to close the connection. */
    static void send(RoutingContext context, RouteProblem problem, boolean close) {
        String path = context.request().path();
        String requestId = RequestIds.accept(context.request().getHeader(RequestIds.HEADER));
        boolean fhir = path != null && path.startsWith("/fhir/");
        JsonObject body = fhir ? operationOutcome(problem) : problemDocument(problem, path, requestId);
        context.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", fhir ? "application/fhir+json" : ProblemDetail.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        if (close) {
            context.response().putHeader("Connection", "close");
        }
        context.response().end(body.encode());
    }

    private static JsonObject operationOutcome(RouteProblem problem) {
        JsonObject issue = new JsonObject()
                .put("severity", "error")
                .put("code", problem.fhirCode())
                .put("diagnostics", problem.detail());
        if (problem.field() != null) {
            issue.put("expression", new JsonArray().add(problem.field().field()));
        }
        return new JsonObject().put("resourceType", "OperationOutcome").put("issue", new JsonArray().add(issue));
    }

    private static JsonObject problemDocument(RouteProblem problem, String path, String requestId) {
        JsonObject body = new JsonObject()
                .put("type", problem.type())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .put("instance", path)
                .put("requestId", requestId);
        if (problem.field() != null) {
            body.put(
                    "errors",
                    new JsonArray()
                            .add(new JsonObject()
                                    .put("field", problem.field().field())
                                    .put("code", problem.field().code().value())
                                    .put("message", problem.field().message())));
        }
        return body;
    }
}
