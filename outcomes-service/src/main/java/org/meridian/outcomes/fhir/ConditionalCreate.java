package org.meridian.outcomes.fhir;

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
        String criteria = ifNoneExist.strip();
        if (criteria.startsWith("QuestionnaireResponse?")) {
            criteria = criteria.substring("QuestionnaireResponse?".length());
        }
        if (!criteria.startsWith(PREFIX) || criteria.contains("&")) {
            throw new FhirException(400, IssueType.NOTSUPPORTED,
                    "If-None-Exist supports exactly one criterion: identifier=[system|]value");
        }
        String headerKey = SubmissionIdentifiers.toKey(identifier(decoded(criteria.substring(PREFIX.length()))));
        if (resourceKey != null && !resourceKey.equals(headerKey)) {
            throw FhirException.badRequest("If-None-Exist names another identifier than the resource's",
                    "QuestionnaireResponse.identifier");
        }
        return headerKey;
    }

    /** The criterion's value, percent-decoded; U+0000 in it is refused like in any other parameter. */
    private static String decoded(String value) {
        String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
        if (decoded.indexOf('\u0000') >= 0) {
            throw FhirException.badRequest("If-None-Exist must not contain the NUL character (U+0000)", null);
        }
        return decoded;
    }

    /** A token search value for identifier as an Identifier. */
    static Identifier identifier(String token) {
        SearchParameters.Token parsed = SearchParameters.token(token);
        Identifier identifier = new Identifier().setValue(parsed.code());
        if (parsed.system() != null && !parsed.system().isEmpty()) {
            identifier.setSystem(parsed.system());
        }
        return identifier;
    }
}
