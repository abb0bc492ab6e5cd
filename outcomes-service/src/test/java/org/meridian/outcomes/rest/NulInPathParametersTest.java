package org.meridian.outcomes.rest;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.meridian.platform.test.edge.AbstractNulInPathParametersTest;

@QuarkusTest
class NulInPathParametersTest extends AbstractNulInPathParametersTest {

    NulInPathParametersTest() {
        super("pseudonym_id");
    }

    @Override
    protected List<String> expectedChecks() {
        return List.of(
                "GET /api/v1/outcomes/instruments/{code} (code)",
                "POST /api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments (pseudonymId)");
    }

    @Override
    protected int minimumChecks() {
        return 10;
    }

    @Override
    protected List<String> expectedReadableTypes() {
        return List.of("Questionnaire", "QuestionnaireResponse", "Observation");
    }
}
