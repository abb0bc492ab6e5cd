package org.meridian.intake.fhir;

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
        String criteria = ifNoneExist.strip();
        if (criteria.startsWith("Patient?")) {
            criteria = criteria.substring("Patient?".length());
        }
        if (!criteria.startsWith(PREFIX) || criteria.contains("&")) {
            throw new FhirException(400, IssueType.NOTSUPPORTED,
                    "If-None-Exist supports exactly one criterion: identifier=system|value");
        }
        SearchParameters.Token token = SearchParameters.token(decoded(criteria.substring(PREFIX.length())));
        if (token.anySystem() || token.system().isEmpty() || token.code().isEmpty()) {
            throw FhirException.badRequest("If-None-Exist must name the identifier's system and value:"
                    + " identifier=system|value", null);
        }
        boolean carried = resource.getIdentifier().stream().anyMatch(identifier ->
                token.system().equals(identifier.getSystem()) && token.code().equals(identifier.getValue()));
        if (!carried) {
            throw FhirException.badRequest("If-None-Exist names an identifier the Patient does not carry",
                    "Patient.identifier");
        }
        return new Criterion(token.system(), token.code());
    }

    /** The criterion's value, percent-decoded; U+0000 in it is refused like in any other parameter. */
    private static String decoded(String value) {
        String decoded = URLDecoder.decode(value, StandardCharsets.UTF_8);
        if (decoded.indexOf('\u0000') >= 0) {
            throw FhirException.badRequest("If-None-Exist must not contain the NUL character (U+0000)", null);
        }
        return decoded;
    }
}
