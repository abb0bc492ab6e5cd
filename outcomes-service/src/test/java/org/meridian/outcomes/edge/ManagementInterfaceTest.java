package org.meridian.outcomes.edge;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.meridian.platform.test.edge.AbstractManagementInterfaceTest;

@QuarkusTest
class ManagementInterfaceTest extends AbstractManagementInterfaceTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    ManagementInterfaceTest() {
        super("/api/v1/outcomes");
    }

    @Override
    protected URL metrics() {
        return metrics;
    }

    @Override
    protected String clinic() {
        return UUID.randomUUID().toString();
    }

    @Override
    protected String fhirType() {
        return "Observation";
    }

    @Override
    protected List<String> expectedUriLabels() {
        return List.of(
                "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments",
                "/fhir/r4/QuestionnaireResponse/{id}");
    }
}
