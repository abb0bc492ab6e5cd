package org.meridian.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    private final RouteTemplates templates = RouteTemplates.of(List.of(
            "/api/v1/intake/clinics/{clinicId}/patients/{patientId}",
            "/api/v1/intake/clinics/{clinicId}/patients",
            "/api/v1/intake/clinics/{clinicId}/patients/search",
            "/fhir/r4/Patient/{id}"));

    @Test
    void findsTheTemplateAPathIsAnInstanceOf() {
        assertThat(templates.match("/api/v1/intake/clinics/7b1e/patients/42"))
                .contains("/api/v1/intake/clinics/{clinicId}/patients/{patientId}");
        assertThat(templates.match("/api/v1/intake/clinics/7b1e/patients/"))
                .contains("/api/v1/intake/clinics/{clinicId}/patients");
        assertThat(templates.match("/fhir/r4/Patient/abc")).contains("/fhir/r4/Patient/{id}");
    }

    @Test
    void prefersALiteralSegmentToAParameter() {
        assertThat(templates.match("/api/v1/intake/clinics/7b1e/patients/search"))
                .contains("/api/v1/intake/clinics/{clinicId}/patients/search");
    }

    @Test
    void matchesNothingForAnUnknownPathAnEmptySegmentOrAnotherDepth() {
        assertThat(templates.match("/api/v1/intake/clinics/7b1e/patients/42/extra"))
                .isEmpty();
        assertThat(templates.match("/api/v1/intake/clinics//patients/42")).isEmpty();
        assertThat(templates.match("/api/v1/billing/invoices")).isEmpty();
    }
}
