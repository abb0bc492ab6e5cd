package org.meridian.outcomes.fhir;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.TenantFixture;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.fhir.AbstractFhirTenantIsolationTest;
import org.meridian.platform.test.security.TestTokens;

/**
 * A create names no existing object here either: QuestionnaireResponse.subject goes through the same submission
 * service as the native API, whose rule TenantIsolationTest checks.
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class FhirTenantIsolationTest extends AbstractFhirTenantIsolationTest<TenantFixture> {

    @Inject
    IntakeFeedConsumer consumer;

    @Override
    protected TenantFixture newClinicPatient() {
        return TenantFixture.create(UUID.randomUUID(), consumer::poll);
    }

    @Override
    protected TenantFixture anotherPatientOf(TenantFixture neighbour) {
        return TenantFixture.create(neighbour.clinicId(), consumer::poll);
    }

    @Override
    protected UUID clinicId(TenantFixture tenant) {
        return tenant.clinicId();
    }

    @Override
    protected String patientToken(TenantFixture tenant) {
        return TestTokens.pseudonymousPatient(tenant.clinicId(), tenant.pseudonymId());
    }

    @Override
    protected Map<String, Function<TenantFixture, String>> readIds() {
        return Map.of(
                "QuestionnaireResponse", TenantFixture::assessmentId,
                "Observation", TenantFixture::assessmentId);
    }

    @Override
    protected Set<String> catalogues() {
        return Set.of("Questionnaire");
    }

    @Override
    protected Map<String, List<IdParameter<TenantFixture>>> idParameters() {
        return Map.of(
                "patient",
                        List.of(new IdParameter<>(
                                "patient:identifier",
                                MeridianFhir.PSEUDONYM_SYSTEM + "|",
                                tenant -> tenant.pseudonymId().toString())),
                "QuestionnaireResponse.identifier",
                        List.of(new IdParameter<>("identifier", "", TenantFixture::submissionKey)));
    }

    @Override
    protected Set<String> otherParameters() {
        return Set.of("url", "version", "code", "questionnaire", "authored", "date", "_lastUpdated");
    }
}
