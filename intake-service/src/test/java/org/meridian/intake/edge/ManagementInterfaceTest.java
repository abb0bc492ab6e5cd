package org.meridian.intake.edge;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.meridian.intake.Fixtures;
import org.meridian.platform.test.edge.AbstractManagementInterfaceTest;

@QuarkusTest
class ManagementInterfaceTest extends AbstractManagementInterfaceTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    ManagementInterfaceTest() {
        super(Fixtures.API);
    }

    @Override
    protected URL metrics() {
        return metrics;
    }

    @Override
    protected String clinic() {
        return Fixtures.clinic();
    }

    @Override
    protected String fhirType() {
        return "Patient";
    }

    @Override
    protected List<String> expectedUriLabels() {
        return List.of(Fixtures.API + "/clinics/{clinicId}/patients/{patientId}", "/fhir/r4/Patient/{id}");
    }
}
