package org.meridian.platform.fhir.smart;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The SMART resource scopes of an access token's {@code scope} claim (space-separated, RFC 6749 section 3.3). */
public record SmartScopes(List<SmartScope> scopes) {

    public static SmartScopes parse(String claim) {
        if (claim == null || claim.isBlank()) {
            return new SmartScopes(List.of());
        }
        return new SmartScopes(Arrays.stream(claim.trim().split(" +"))
                .map(SmartScope::parse)
                .flatMap(Optional::stream)
                .toList());
    }

    /**
     * The widest context in which the scopes grant {@code interaction} on {@code type}: a user or system scope (all
     * that the caller's role and clinic allow) before a patient scope (the patient in context only); empty when none
     * grants it.
     */
    public Optional<ScopeContext> grant(String type, FhirInteraction interaction) {
        return scopes.stream()
                .filter(scope -> scope.grants(type, interaction))
                .map(SmartScope::context)
                .min((a, b) -> Boolean.compare(a == ScopeContext.PATIENT, b == ScopeContext.PATIENT));
    }
}
