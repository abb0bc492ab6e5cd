package org.meridian.intake.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.meridian.intake.Fixtures;
import org.meridian.platform.test.edge.AbstractNulInPathParametersTest;

@QuarkusTest
class NulInPathParametersTest extends AbstractNulInPathParametersTest {

    NulInPathParametersTest() {
        super("patient_id");
    }

    @Override
    protected List<String> expectedChecks() {
        return List.of(
                "GET " + Fixtures.API + "/clinics/{clinicId} (clinicId)",
                "PUT " + Fixtures.API + "/clinics/{clinicId}/patients/{patientId} (patientId)");
    }

    @Override
    protected int minimumChecks() {
        return 30;
    }

    @Override
    protected List<String> expectedReadableTypes() {
        return List.of("Patient", "Procedure", "Condition", "AdverseEvent");
    }
}
