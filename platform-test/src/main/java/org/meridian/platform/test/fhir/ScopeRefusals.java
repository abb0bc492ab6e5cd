package org.meridian.platform.test.fhir;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** How a FHIR interaction the token's SMART scopes do not grant is refused (docs/security.md#smart-on-fhir). */
public final class ScopeRefusals {

    private ScopeRefusals() {}

    /** 403, an OperationOutcome naming {@code needed} (e.g. "Patient.r"), and RFC 6750's insufficient_scope. */
    public static void assertRefusedForScope(ValidatableResponse response, String needed) {
        response.statusCode(403)
                .contentType(containsString("fhir+json"))
                .header("WWW-Authenticate", containsString("error=\"insufficient_scope\""))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("forbidden"))
                .body("issue[0].diagnostics", containsString(needed));
    }
}
