package org.meridian.outcomes.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.Submissions;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.AbstractAuthorizationMatrixTest;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class AuthorizationMatrixTest extends AbstractAuthorizationMatrixTest {

    @Inject
    IntakeFeedConsumer consumer;

    AuthorizationMatrixTest() {
        super("pseudonymId");
    }

    /** One clinic's patient with an episode, a session and a scored assessment. */
    @Override
    protected Tenant newTenant() {
        UUID clinic = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, start)
                .sessionRecorded(
                        clinic, patient, episode, session, 1, Instant.now().minusSeconds(86_400))
                .publish();
        consumer.poll();
        String assessmentId = Submissions.post(
                        TestTokens.practitioner(clinic),
                        clinic,
                        patient,
                        Submissions.body(
                                "NRS_BACK_PAIN",
                                "BASELINE",
                                OffsetDateTime.now(ZoneOffset.UTC).minusDays(21),
                                Submissions.nrs(7)))
                .statusCode(201)
                .extract()
                .path("id");
        return new Tenant(
                clinic,
                Map.of(
                        "pseudonymId",
                        patient.toString(),
                        "episodeId",
                        episode.toString(),
                        "assessmentId",
                        assessmentId,
                        "code",
                        "ODI",
                        "version",
                        "2.1a"));
    }

    @Override
    protected String anotherPatientOf(Tenant tenant) {
        UUID pseudonymId = UUID.randomUUID();
        IntakeScript.events().patientRegistered(tenant.clinicId(), pseudonymId).publish();
        consumer.poll();
        return pseudonymId.toString();
    }

    @Override
    protected String patientToken(UUID clinicId, String patient) {
        return TestTokens.pseudonymousPatient(clinicId, UUID.fromString(patient));
    }
}
