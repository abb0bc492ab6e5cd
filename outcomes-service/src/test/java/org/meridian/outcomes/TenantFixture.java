package org.meridian.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.meridian.platform.test.security.TestTokens;

/**
 * One patient of a clinic as intake announced them (registered, an episode, a session) with one scored assessment
 * submitted under an idempotency key: the objects the tenancy tests name by id.
 */
public record TenantFixture(
        UUID clinicId, UUID pseudonymId, UUID episodeId, UUID sessionId, String assessmentId, String submissionKey) {

    /** A new patient in the clinic; {@code poll} applies the published events (the feed consumer's poll). */
    public static TenantFixture create(UUID clinicId, Runnable poll) {
        UUID patient = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(20);
        IntakeScript.events()
                .patientRegistered(clinicId, patient)
                .episodeStarted(clinicId, patient, episode, start)
                .sessionRecorded(
                        clinicId, patient, episode, session, 1, Instant.now().minusSeconds(86_400))
                .publish();
        poll.run();
        String key = UUID.randomUUID().toString();
        String assessmentId = Submissions.post(
                        TestTokens.practitioner(clinicId),
                        clinicId,
                        patient,
                        key,
                        Submissions.body(
                                "NRS_BACK_PAIN",
                                "BASELINE",
                                OffsetDateTime.now(ZoneOffset.UTC).minusDays(21),
                                Submissions.nrs(7)))
                .statusCode(201)
                .extract()
                .path("id");
        return new TenantFixture(clinicId, patient, episode, session, assessmentId, key);
    }

    /** The ids by the names the API's path and query parameters give them. */
    public Map<String, String> ids() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("clinicId", clinicId.toString());
        ids.put("pseudonymId", pseudonymId.toString());
        ids.put("episodeId", episodeId.toString());
        ids.put("sessionId", sessionId.toString());
        ids.put("assessmentId", assessmentId);
        return ids;
    }
}
