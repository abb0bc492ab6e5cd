package org.meridian.intake.fhir;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.meridian.platform.test.fhir.AbstractCapabilityStatementTest;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class CapabilityStatementTest extends AbstractCapabilityStatementTest {

    CapabilityStatementTest() {
        super("intake");
    }

    @Override
    protected String staffToken() {
        return TestTokens.staff(UUID.randomUUID());
    }

    @Override
    protected List<String> expectedSearches() {
        return List.of("Patient?identifier", "Procedure?date", "AdverseEvent?patient");
    }

    @Override
    protected Map<String, String> search(String name, String type) {
        return "reference".equals(type) ? Map.of(name, "Patient/" + UUID.randomUUID()) : super.search(name, type);
    }
}
