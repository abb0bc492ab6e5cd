package org.meridian.platform.web.problem;

import jakarta.ws.rs.core.Response.Status;

/**
 * One problem type a service emits (RFC 9457 {@code type}, {@code title}, HTTP status). The mechanisms' own kinds are
 * {@link CommonProblem}; each service's {@code ProblemType} enum adds its domain's. The URNs are stable and
 * documented in docs/conventions.md.
 */
public interface ProblemKind {

    String slug();

    String title();

    int status();

    default String uri() {
        return "urn:meridian:problem:" + slug();
    }

    /** The type of a plain HTTP failure that no problem kind names (405, 406, 415...). */
    static String uriForStatus(int status) {
        return "urn:meridian:problem:http-" + status;
    }

    static String titleForStatus(int status) {
        Status known = Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "HTTP " + status;
    }
}
