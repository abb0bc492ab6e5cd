package org.meridian.platform.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The {@code If-None-Exist} header of a FHIR conditional create, for the one criterion Meridian supports, the one
 * that is unique: {@code identifier}.
 */
public final class IfNoneExist {

    private static final String PREFIX = "identifier=";

    private IfNoneExist() {}

    /**
     * The identifier the header names for a conditional create of a {@code type}; {@code form} is how the service
     * asks for it (identifier=system|value) when the header has another criterion or more than one.
     */
    public static TokenParam identifier(String header, String type, String form) {
        String criteria = query(header, type);
        if (!criteria.startsWith(PREFIX) || criteria.contains("&")) {
            throw FhirFailures.of(400, IssueType.NOTSUPPORTED, "If-None-Exist supports exactly one criterion: " + form);
        }
        return SearchParameters.token("identifier", decoded(criteria.substring(PREFIX.length())));
    }

    /**
     * The criteria of an If-None-Exist header as a query string. R4 (http.html#ccreate) gives them as one
     * ({@code identifier=...}); clients also send the search as a relative or absolute URL of the resource type
     * ({@code [type]?identifier=...}, or {@code http://host/fhir/r4/[type]?identifier=...} as HAPI's generic client
     * does).
     * A URL is recognised by a '?' before the first '='; one that searches another type is a 400.
     */
    static String query(String header, String type) {
        String criteria = header.strip();
        int question = criteria.indexOf('?');
        int equals = criteria.indexOf('=');
        if (question < 0 || equals >= 0 && equals < question) {
            return criteria;
        }
        String target = criteria.substring(0, question);
        String searched = target.substring(target.lastIndexOf('/') + 1);
        if (!searched.isEmpty() && !searched.equals(type)) {
            throw FhirFailures.badRequest(
                    "If-None-Exist searches " + searched + ", but a conditional create of a " + type
                            + " needs criteria on " + type,
                    null);
        }
        return criteria.substring(question + 1);
    }

    /** The criterion's value, percent-decoded; U+0000 in it is refused like in any other parameter. */
    private static String decoded(String value) {
        String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
        if (decoded.indexOf('\u0000') >= 0) {
            throw FhirFailures.badRequest("If-None-Exist must not contain the NUL character (U+0000)", null);
        }
        return decoded;
    }
}
