package org.meridian.platform.web.problem;

/** One rejected field of a request, named by its JSON path ("answers.odi_04_walking", "sessionId"). */
public record FieldProblem(String field, String message) {}
