package org.meridian.outcomes.fhir;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.meridian.platform.test.fhir.AbstractCapabilityStatementTest;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class CapabilityStatementTest extends AbstractCapabilityStatementTest {

    CapabilityStatementTest() {
        super("outcomes");
    }

    @Override
    protected String staffToken() {
        return TestTokens.practitioner(UUID.randomUUID());
    }

    @Override
    protected List<String> expectedSearches() {
        return List.of("Questionnaire?url", "QuestionnaireResponse?patient", "Observation?code");
    }

    @Override
    protected Map<String, String> search(String name, String type) {
        if (name.equals("patient")) {
            // The patient is named by its pseudonym identifier, as the statement documents.
            return Map.of("patient:identifier", MeridianFhir.PSEUDONYM_SYSTEM + "|" + UUID.randomUUID());
        }
        return type.equals("reference") || type.equals("uri")
                ? Map.of(name, "https://meridian.example/fhir/Questionnaire/odi")
                : super.search(name, type);
    }
}
