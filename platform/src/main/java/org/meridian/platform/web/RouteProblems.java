package org.meridian.platform.web;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.meridian.platform.web.problem.FieldProblem;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ProblemDetail.FieldError;

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
        // The platform's problem document, so that its texts keep the bounds its schema declares: they echo the
        // request.
        ProblemDetail document = new ProblemDetail(
                problem.type(),
                problem.title(),
                problem.status(),
                problem.detail(),
                path,
                requestId,
                problem.field() == null ? null : List.of(FieldError.of(problem.field())));
        context.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", fhir ? "application/fhir+json" : ProblemDetail.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId);
        if (close) {
            context.response().putHeader("Connection", "close");
        }
        context.response().end(fhir ? operationOutcome(problem.fhirCode(), document) : Json.encode(document));
    }

    /** Written by hand: HAPI's FHIR model is loaded on the first FHIR call, not for a request refused here. */
    private static String operationOutcome(String fhirCode, ProblemDetail document) {
        JsonObject issue =
                new JsonObject().put("severity", "error").put("code", fhirCode).put("diagnostics", document.detail());
        if (document.errors() != null) {
            issue.put(
                    "expression",
                    new JsonArray().add(document.errors().getFirst().field()));
        }
        return new JsonObject()
                .put("resourceType", "OperationOutcome")
                .put("issue", new JsonArray().add(issue))
                .encode();
    }
}
