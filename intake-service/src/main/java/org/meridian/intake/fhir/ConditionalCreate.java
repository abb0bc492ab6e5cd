package org.meridian.intake.fhir;

import org.meridian.platform.fhir.SearchParameters;
import ca.uhn.fhir.rest.param.TokenParam;
import org.meridian.platform.fhir.FhirFailures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;

/**
 * FHIR conditional create ({@code If-None-Exist}) of a Patient, for the one criterion that is unique in a clinic:
 * {@code identifier=system|value}. The resource must carry that identifier, so that the patient it creates is the
 * one the criterion finds next time.
 */
final class ConditionalCreate {

    private static final String PREFIX = "identifier=";

    /** The identifier an If-None-Exist header names. */
    record Criterion(String system, String value) {
    }

    private ConditionalCreate() {
    }

    static Criterion parse(String ifNoneExist, Patient resource) {
        String criteria = query(ifNoneExist, "Patient");
        if (!criteria.startsWith(PREFIX) || criteria.contains("&")) {
            throw FhirFailures.of(400, IssueType.NOTSUPPORTED,
                    "If-None-Exist supports exactly one criterion: identifier=system|value");
        }
        TokenParam token = SearchParameters.token("identifier", decoded(criteria.substring(PREFIX.length())));
        if (token.getSystem() == null || token.getSystem().isEmpty() || token.getValue().isEmpty()) {
            throw FhirFailures.badRequest("If-None-Exist must name the identifier's system and value:"
                    + " identifier=system|value", null);
        }
        boolean carried = resource.getIdentifier().stream().anyMatch(identifier ->
                token.getSystem().equals(identifier.getSystem()) && token.getValue().equals(identifier.getValue()));
        if (!carried) {
            throw FhirFailures.badRequest("If-None-Exist names an identifier the Patient does not carry",
                    "Patient.identifier");
        }
        return new Criterion(token.getSystem(), token.getValue());
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
}
