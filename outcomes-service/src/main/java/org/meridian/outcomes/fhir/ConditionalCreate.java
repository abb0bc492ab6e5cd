package org.meridian.outcomes.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.Identifier;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.IfNoneExist;
import org.meridian.platform.fhir.SearchParameters;

/** FHIR conditional create ({@code If-None-Exist}), supported for the one criterion that is unique: identifier. */
final class ConditionalCreate {

    private ConditionalCreate() {}

    /** The idempotency key: the resource's identifier, or the header's when the resource has none; they must agree. */
    static String key(String ifNoneExist, String resourceKey) {
        if (ifNoneExist == null || ifNoneExist.isBlank()) {
            return resourceKey;
        }
        String headerKey = SubmissionIdentifiers.toKey(
                identifier(IfNoneExist.identifier(ifNoneExist, "QuestionnaireResponse", "identifier=[system|]value")));
        if (resourceKey != null && !resourceKey.equals(headerKey)) {
            throw FhirFailures.badRequest(
                    "If-None-Exist names another identifier than the resource's", "QuestionnaireResponse.identifier");
        }
        return headerKey;
    }

    /** A token search value for identifier as an Identifier. */
    static Identifier identifier(String token) {
        return identifier(SearchParameters.token("identifier", token));
    }

    private static Identifier identifier(TokenParam token) {
        Identifier identifier = new Identifier().setValue(token.getValue());
        if (token.getSystem() != null && !token.getSystem().isEmpty()) {
            identifier.setSystem(token.getSystem());
        }
        return identifier;
    }
}
