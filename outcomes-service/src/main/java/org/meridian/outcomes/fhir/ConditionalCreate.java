package org.meridian.outcomes.fhir;

import org.meridian.platform.fhir.SearchParameters;
import ca.uhn.fhir.rest.param.TokenParam;
import org.meridian.platform.fhir.FhirFailures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** FHIR conditional create ({@code If-None-Exist}), supported for the one criterion that is unique: identifier. */
final class ConditionalCreate {

    private static final String PREFIX = "identifier=";

    private ConditionalCreate() {
    }

    /** The idempotency key: the resource's identifier, or the header's when the resource has none; they must agree. */
    static String key(String ifNoneExist, String resourceKey) {
        if (ifNoneExist == null || ifNoneExist.isBlank()) {
            return resourceKey;
        }
        String criteria = query(ifNoneExist, "QuestionnaireResponse");
        if (!criteria.startsWith(PREFIX) || criteria.contains("&")) {
            throw FhirFailures.of(400, IssueType.NOTSUPPORTED,
                    "If-None-Exist supports exactly one criterion: identifier=[system|]value");
        }
        String headerKey = SubmissionIdentifiers.toKey(identifier(decoded(criteria.substring(PREFIX.length()))));
        if (resourceKey != null && !resourceKey.equals(headerKey)) {
            throw FhirFailures.badRequest("If-None-Exist names another identifier than the resource's",
                    "QuestionnaireResponse.identifier");
        }
        return headerKey;
    }

    /**
     * The criteria of an If-None-Exist header as a query string. R4 (http.html#ccreate) gives them as one
     * ({@code identifier=...}); clients also send the search as a relative or absolute URL of the resource type
     * ({@code [type]?identifier=...}, or {@code http://host/fhir/r4/[type]?identifier=...} as HAPI's generic client
     * does).
     * A URL is recognised by a '?' before the first '='; one that searches another type is a 400.
     */
    static String query(String ifNoneExist, String type) {
        String criteria = ifNoneExist.strip();
        int question = criteria.indexOf('?');
        int equals = criteria.indexOf('=');
        if (question < 0 || equals >= 0 && equals < question) {
            return criteria;
        }
        String target = criteria.substring(0, question);
        String searched = target.substring(target.lastIndexOf('/') + 1);
        if (!searched.isEmpty() && !searched.equals(type)) {
            throw FhirFailures.badRequest("If-None-Exist searches " + searched + ", but a conditional create of a "
                    + type + " needs criteria on " + type, null);
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

    /** A token search value for identifier as an Identifier. */
    static Identifier identifier(String token) {
        TokenParam parsed = SearchParameters.token("identifier", token);
        Identifier identifier = new Identifier().setValue(parsed.getValue());
        if (parsed.getSystem() != null && !parsed.getSystem().isEmpty()) {
            identifier.setSystem(parsed.getSystem());
        }
        return identifier;
    }
}
