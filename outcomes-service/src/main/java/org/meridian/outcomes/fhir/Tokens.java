package org.meridian.outcomes.fhir;

import org.hl7.fhir.r4.model.Coding;

final class Tokens {

    private Tokens() {
    }

    /** FHIR token matching: {@code code} in any system, {@code system|code}, or {@code |code} with no system. */
    static boolean matches(SearchParameters.Token token, Coding coding) {
        if (!token.code().equals(coding.getCode())) {
            return false;
        }
        if (token.anySystem()) {
            return true;
        }
        return token.system().isEmpty() ? !coding.hasSystem() : token.system().equals(coding.getSystem());
    }
}
