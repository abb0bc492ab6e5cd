package org.meridian.intake.fhir;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.meridian.intake.TenantFixture;
import org.meridian.platform.test.fhir.AbstractFhirTenantIsolationTest;
import org.meridian.platform.test.security.TestTokens;

/**
 * A create names no existing object here: a conditional create looks its identifier up within the caller's clinic
 * only.
 */
@QuarkusTest
class FhirTenantIsolationTest extends AbstractFhirTenantIsolationTest<TenantFixture> {

    @Override
    protected TenantFixture newClinicPatient() {
        return TenantFixture.create();
    }

    @Override
    protected TenantFixture anotherPatientOf(TenantFixture neighbour) {
        return TenantFixture.create(neighbour.clinicId(), neighbour.practitionerId());
    }

    @Override
    protected UUID clinicId(TenantFixture tenant) {
        return UUID.fromString(tenant.clinicId());
    }

    @Override
    protected String patientToken(TenantFixture tenant) {
        return TestTokens.patient(UUID.fromString(tenant.clinicId()), UUID.fromString(tenant.patientId()));
    }

    @Override
    protected Map<String, Function<TenantFixture, String>> readIds() {
        return Map.of(
                "Patient", TenantFixture::patientId,
                "Procedure", TenantFixture::sessionId,
                "Condition", tenant -> tenant.assessmentId() + "-low-back",
                "AdverseEvent", TenantFixture::adverseEventId);
    }

    @Override
    protected Set<String> catalogues() {
        return Set.of();
    }

    @Override
    protected Map<String, List<IdParameter<TenantFixture>>> idParameters() {
        return Map.of(
                "patient", List.of(new IdParameter<>("patient", "Patient/", TenantFixture::patientId)),
                "subject", List.of(new IdParameter<>("subject", "Patient/", TenantFixture::patientId)),
                "Patient._id", List.of(new IdParameter<>("_id", "", TenantFixture::patientId)),
                "Patient.identifier",
                        List.of(
                                new IdParameter<>(
                                        "identifier", MeridianFhir.PSEUDONYM_SYSTEM + "|", TenantFixture::pseudonymId),
                                new IdParameter<>("identifier", "https://ehr.example/mrn|", TenantFixture::mrn)),
                "Patient.name", List.of(new IdParameter<>("name", "", TenantFixture::familyName)));
    }

    /** Dates. */
    @Override
    protected Set<String> otherParameters() {
        return Set.of("birthdate", "date");
    }
}
