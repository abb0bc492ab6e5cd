package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.path;
import static org.meridian.outcomes.Submissions.post;
import static org.meridian.outcomes.Submissions.with;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.TestTokens;

/**
 * A FOLLOW_UP counts weeks from an episode's start: refused for a patient outcomes knows to have no episode that had
 * started when the questionnaire was answered, accepted (PENDING) while outcomes has not heard of the patient.
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class FollowUpEpisodeTest {

    private static final OffsetDateTime ANSWERED =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    IntakeFeedConsumer consumer;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    @Test
    void refusesAFollowUpForAPatientWithoutAnEpisodeAndStoresNothing() {
        IntakeScript.events().patientRegistered(clinic, patient).publish();
        consumer.poll();

        post(practitioner, clinic, patient, followUp(4))
                .statusCode(422)
                .body("type", equalTo("urn:meridian:problem:unprocessable"))
                .body("errors.field", contains("followUpWeeks"))
                .body("errors.code", contains("no_episode"));
        assessmentCount(0);
    }

    @Test
    void refusesAFollowUpAnsweredBeforeThePatientsOnlyEpisodeStarted() {
        UUID episode = UUID.randomUUID();
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, ANSWERED.toLocalDate().plusDays(3))
                .publish();
        consumer.poll();

        post(practitioner, clinic, patient, followUp(4))
                .statusCode(422)
                .body("errors.field", contains("followUpWeeks"))
                .body("errors.code", contains("no_episode"));
        post(practitioner, clinic, patient, with(followUp(4), "episodeId", episode.toString()))
                .statusCode(422)
                .body("errors.field", contains("episodeId"))
                .body("errors.code", contains("no_episode"));
    }

    @Test
    void acceptsAFollowUpOfAnEpisodeThatStartedOnOrBeforeTheAnswer() {
        UUID episode = UUID.randomUUID();
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, ANSWERED.toLocalDate().minusWeeks(4))
                .publish();
        consumer.poll();

        post(practitioner, clinic, patient, followUp(4))
                .statusCode(201)
                .body("linkStatus", equalTo("LINKED"))
                .body("episodeId", equalTo(episode.toString()));
        // a closed episode is still one a follow-up refers to
        IntakeScript.events()
                .episodeClosed(
                        clinic, patient, episode, ANSWERED.toLocalDate().minusWeeks(4), "COMPLETED", "COURSE_COMPLETED")
                .publish();
        consumer.poll();
        post(practitioner, clinic, patient, followUp(12)).statusCode(201);
    }

    @Test
    void aNamedEpisodeLinksWhenItIsThePatientsOwnHereAndIsRefusedWhenItIsAnotherPatients() {
        UUID episode = UUID.randomUUID();
        UUID otherPatient = UUID.randomUUID();
        UUID othersEpisode = UUID.randomUUID();
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, ANSWERED.toLocalDate().minusWeeks(4))
                .patientRegistered(clinic, otherPatient)
                .episodeStarted(
                        clinic,
                        otherPatient,
                        othersEpisode,
                        ANSWERED.toLocalDate().minusWeeks(4))
                .publish();
        consumer.poll();

        post(practitioner, clinic, patient, with(followUp(4), "episodeId", episode.toString()))
                .statusCode(201)
                .body("linkStatus", equalTo("LINKED"))
                .body("episodeId", equalTo(episode.toString()));
        post(practitioner, clinic, patient, with(followUp(4), "episodeId", othersEpisode.toString()))
                .statusCode(422)
                .body("errors.field", contains("episodeId"))
                .body("errors.code", contains("inconsistent"));
        assessmentCount(1);
    }

    @Test
    void acceptsAFollowUpAsPendingWhileThePatientOrTheNamedEpisodeIsNotProjectedYet() {
        IntakeScript.pseudonymIssued(clinic, patient); // issued by intake, its events not on the feed yet
        post(practitioner, clinic, patient, followUp(4)).statusCode(201).body("linkStatus", equalTo("PENDING"));

        UUID known = UUID.randomUUID();
        IntakeScript.events().patientRegistered(clinic, known).publish();
        consumer.poll();
        post(
                        practitioner,
                        clinic,
                        known,
                        with(followUp(4), "episodeId", UUID.randomUUID().toString()))
                .statusCode(201)
                .body("linkStatus", equalTo("PENDING"));
    }

    @Test
    void aRefusedFollowUpSucceedsWhenRetriedWithTheSameKeyOnceTheEpisodeIsProjected() {
        IntakeScript.events().patientRegistered(clinic, patient).publish();
        consumer.poll();
        String key = "follow-up-" + UUID.randomUUID();
        post(practitioner, clinic, patient, key, followUp(4)).statusCode(422);

        UUID episode = UUID.randomUUID();
        IntakeScript.events()
                .episodeStarted(clinic, patient, episode, ANSWERED.toLocalDate().minusWeeks(4))
                .publish();
        consumer.poll();
        post(practitioner, clinic, patient, key, followUp(4))
                .statusCode(201)
                .body("episodeId", equalTo(episode.toString()));
        post(practitioner, clinic, patient, key, followUp(4)).statusCode(200);
    }

    @Test
    void anAcceptedFollowUpReplaysUnchangedWhateverTheProjectionLearnsLater() {
        IntakeScript.pseudonymIssued(clinic, patient); // issued by intake, its events not on the feed yet
        String key = "follow-up-" + UUID.randomUUID();
        String id = post(practitioner, clinic, patient, key, followUp(4))
                .statusCode(201)
                .extract()
                .path("id");

        IntakeScript.events().patientRegistered(clinic, patient).publish();
        consumer.poll();
        post(practitioner, clinic, patient, key, followUp(4)).statusCode(200).body("id", equalTo(id));
    }

    private static Map<String, Object> followUp(int weeks) {
        return with(body("NRS_BACK_PAIN", "FOLLOW_UP", ANSWERED, nrs(4)), "followUpWeeks", weeks);
    }

    private void assessmentCount(int expected) {
        given().auth()
                .oauth2(practitioner)
                .when()
                .get(path(clinic, patient))
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(expected));
    }
}
