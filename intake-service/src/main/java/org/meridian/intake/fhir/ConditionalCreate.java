package org.meridian.intake.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.Patient;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.IfNoneExist;

/**
 * FHIR conditional create ({@code If-None-Exist}) of a Patient, for the one criterion that is unique in a clinic:
 * {@code identifier=system|value}. The resource must carry that identifier, so that the patient it creates is the
 * one the criterion finds next time.
 */
final class ConditionalCreate {

    /** The identifier an If-None-Exist header names. */
    record Criterion(String system, String value) {}

    private ConditionalCreate() {}

    static Criterion parse(String ifNoneExist, Patient resource) {
        TokenParam token = IfNoneExist.identifier(ifNoneExist, "Patient", "identifier=system|value");
        if (token.getSystem() == null
                || token.getSystem().isEmpty()
                || token.getValue().isEmpty()) {
            throw FhirFailures.badRequest(
                    "If-None-Exist must name the identifier's system and value:" + " identifier=system|value", null);
        }
        boolean carried = resource.getIdentifier().stream()
                .anyMatch(identifier -> token.getSystem().equals(identifier.getSystem())
                        && token.getValue().equals(identifier.getValue()));
        if (!carried) {
            throw FhirFailures.badRequest(
                    "If-None-Exist names an identifier the Patient does not carry", "Patient.identifier");
        }
        return new Criterion(token.getSystem(), token.getValue());
    }
}
