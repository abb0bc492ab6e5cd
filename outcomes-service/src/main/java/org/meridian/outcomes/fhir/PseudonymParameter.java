package org.meridian.outcomes.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Optional;
import java.util.UUID;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.SearchParameters;
import org.meridian.platform.fhir.Uuids;

/** The patient a search names by pseudonymous id: {@code patient:identifier=system|uuid}. */
final class PseudonymParameter {

    private PseudonymParameter() {}

    static Optional<UUID> of(SearchParameters parameters, String name) {
        return parameters.single(name).map(value -> {
            TokenParam token = SearchParameters.token(name, value);
            if (token.getSystem() != null
                    && !token.getSystem().isEmpty()
                    && !token.getSystem().equals(MeridianFhir.PSEUDONYM_SYSTEM)) {
                throw FhirFailures.badRequest(
                        name + " must be " + MeridianFhir.PSEUDONYM_SYSTEM + "|{pseudonymId}", null);
            }
            return Uuids.parse(token.getValue())
                    .orElseThrow(() -> FhirFailures.badRequest(
                            name + " must name a pseudonymous id (a UUID): " + MeridianFhir.PSEUDONYM_SYSTEM
                                    + "|{pseudonymId}",
                            null));
        });
    }
}
