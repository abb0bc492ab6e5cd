package org.meridian.outcomes.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.TenantFixture;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.AbstractTenantIsolationTest;
import org.meridian.platform.test.security.TestTokens;

/** Tenancy by object on outcomes' API; an id in the query (?episodeId=) counts too. */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class TenantIsolationTest extends AbstractTenantIsolationTest<TenantFixture> {

    private static final String ASSESSMENTS = "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments";

    /** The moment "now" the two compared calls share. */
    private static final String AT =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

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
    protected Map<String, String> ids(TenantFixture tenant) {
        return tenant.ids();
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
    protected Set<String> catalogueKeys() {
        return Set.of("code", "version");
    }

    @Override
    protected Map<String, String> bodies(TenantFixture own) {
        return Map.of(
                "POST " + ASSESSMENTS,
                """
                        {"instrumentCode": "NRS_BACK_PAIN", "timepoint": "AD_HOC", "answeredAt": "%s",
                         "answers": {"back_pain_nrs": 4}}""".formatted(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)),
                "PUT " + ASSESSMENTS + "/{assessmentId}",
                "{\"answers\": {\"back_pain_nrs\": 3}}");
    }

    @Override
    protected Set<String> otherQueryParameters() {
        return Set.of("instrument", "timepoint", "status", "page", "size");
    }

    @Override
    protected Map<String, String> fixedQuery() {
        return Map.of("at", AT);
    }
}
