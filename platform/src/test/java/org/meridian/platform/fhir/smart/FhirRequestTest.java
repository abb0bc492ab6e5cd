package org.meridian.platform.fhir.smart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FhirRequestTest {

    @Test
    void theInteractionFollowsTheMethodAndPath() {
        assertThat(FhirRequest.of("GET", "/fhir/r4/Observation"))
                .contains(new FhirRequest("Observation", FhirInteraction.SEARCH));
        assertThat(FhirRequest.of("POST", "/fhir/r4/Observation/_search"))
                .contains(new FhirRequest("Observation", FhirInteraction.SEARCH));
        assertThat(FhirRequest.of("GET", "/fhir/r4/Observation/abc"))
                .contains(new FhirRequest("Observation", FhirInteraction.READ));
        assertThat(FhirRequest.of("GET", "/fhir/r4/Observation/abc/_history/2"))
                .contains(new FhirRequest("Observation", FhirInteraction.READ));
        assertThat(FhirRequest.of("POST", "/fhir/r4/QuestionnaireResponse"))
                .contains(new FhirRequest("QuestionnaireResponse", FhirInteraction.CREATE));
        assertThat(FhirRequest.of("PUT", "/fhir/r4/Patient/abc"))
                .contains(new FhirRequest("Patient", FhirInteraction.UPDATE));
        assertThat(FhirRequest.of("DELETE", "/fhir/r4/Patient/abc"))
                .contains(new FhirRequest("Patient", FhirInteraction.DELETE));
    }

    @Test
    void serverLevelEndpointsAndOtherPathsNeedNoScope() {
        assertThat(FhirRequest.of("GET", "/fhir/r4/metadata")).isEmpty();
        assertThat(FhirRequest.of("GET", "/fhir/r4/.well-known/smart-configuration"))
                .isEmpty();
        assertThat(FhirRequest.of("GET", "/api/v1/intake/clinics")).isEmpty();
        assertThat(FhirRequest.of("GET", "/fhir/r4/")).isEmpty();
    }
}
