package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.meridian.intake.Fixtures.asStaffOf;
import static org.meridian.intake.Fixtures.patientPath;
import static org.meridian.intake.Fixtures.sessionsPath;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.intake.TableCounts;
import org.meridian.intake.domain.Sex;
import org.meridian.intake.persistence.OutboxRepository;
import org.meridian.intake.service.PatientService;
import org.meridian.intake.service.PatientService.PatientDraft;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class EventFeedResourceTest {

    private static final String FEED = "/internal/v1/intake/events";

    @Inject
    TableCounts counts;

    @Inject
    PatientService patients;

    @Inject
    OutboxRepository outbox;

    /** Every event of the feed after {@code after}, read page by page as a consumer would. */
    private static List<Map<String, Object>> readAll(long after) {
        List<Map<String, Object>> events = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonPath page = given().auth()
                    .oauth2(TestTokens.service())
                    .queryParam("after", cursor)
                    .queryParam("limit", 500)
                    .when()
                    .get(FEED)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> batch = page.getList("events");
            if (batch.isEmpty()) {
                assertThat(page.getLong("nextAfter")).isEqualTo(cursor);
                assertThat(page.getLong("head"))
                        .as("the head of a caught-up reader")
                        .isEqualTo(cursor);
                return events;
            }
            assertThat(page.getLong("head")).isGreaterThanOrEqualTo(page.getLong("nextAfter"));
            events.addAll(batch);
            cursor = page.getLong("nextAfter");
        }
    }

    private static List<Map<String, Object>> ofClinic(List<Map<String, Object>> events, String clinicId) {
        return events.stream()
                .filter(event -> clinicId.equals(event.get("clinicId")))
                .toList();
    }

    private static long head() {
        List<Map<String, Object>> all = readAll(0);
        return all.isEmpty() ? 0 : ((Number) all.getLast().get("position")).longValue();
    }

    @Test
    void writesOneEventPerChangeInOrderWithoutIdentifyingData() {
        CareSetup care = Fixtures.careSetup();
        String patient = patientPath(care.clinicId(), care.patientId());
        String researchConsent = Fixtures.consent(care.clinicId(), care.patientId(), "RESEARCH");
        String sessionId = Fixtures.session(care);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"reason\": \"PATIENT_DID_NOT_ATTEND\"}")
                .when()
                .post(sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/cancellation")
                .then()
                .statusCode(200);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{}")
                .when()
                .post(patient + "/consents/" + researchConsent + "/withdrawal")
                .then()
                .statusCode(200);
        asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body("{\"status\": \"DISCONTINUED\", \"reason\": \"PATIENT_CHOICE\"}")
                .when()
                .post(patient + "/episodes/" + care.episodeId() + "/transitions")
                .then()
                .statusCode(200);

        List<Map<String, Object>> clinicEvents = ofClinic(readAll(0), care.clinicId());
        assertThat(clinicEvents.getFirst())
                .containsEntry("type", "ClinicRegistered")
                .containsEntry("pseudonymId", null)
                .containsEntry("payload", Map.of("clinicId", care.clinicId(), "timeZone", "Europe/London"));
        List<Map<String, Object>> events = clinicEvents.subList(1, clinicEvents.size());
        assertThat(events)
                .extracting(event -> event.get("type"))
                .containsExactly(
                        "PatientRegistered",
                        "IntakeAssessmentRecorded",
                        "EpisodeStarted",
                        "ResearchConsentGiven",
                        "EpisodeUpdated",
                        "SessionRecorded",
                        "SessionCancelled",
                        "ResearchConsentWithdrawn",
                        "EpisodeClosed");
        assertThat(clinicEvents)
                .extracting(event -> ((Number) event.get("position")).longValue())
                .isSorted()
                .doesNotHaveDuplicates();

        Map<String, Object> patientJson = asStaffOf(care.clinicId())
                .when()
                .get(patient)
                .then()
                .extract()
                .jsonPath()
                .getMap("");
        String pseudonymId = (String) patientJson.get("pseudonymId");
        assertThat(events)
                .allSatisfy(event -> assertThat(event.get("pseudonymId")).isEqualTo(pseudonymId));

        @SuppressWarnings("unchecked")
        Map<String, Object> registered = (Map<String, Object>) events.getFirst().get("payload");
        int expectedAge = java.time.Period.between(LocalDate.of(1972, 4, 18), LocalDate.now())
                .getYears();
        assertThat(registered)
                .containsEntry("birthYear", 1972)
                .containsEntry("sex", "FEMALE")
                .containsEntry("ageBand", (expectedAge / 10 * 10) + "-" + (expectedAge / 10 * 10 + 9))
                .containsEntry("pseudonymId", pseudonymId)
                .containsEntry("clinicId", care.clinicId());
        @SuppressWarnings("unchecked")
        Map<String, Object> assessed = (Map<String, Object>) events.get(1).get("payload");
        assertThat(assessed)
                .containsEntry("chronicity", "CHRONIC")
                .containsEntry("painDurationMonths", 9)
                .containsEntry("redFlagPositive", false)
                .containsEntry("painSites", List.of("LOW_BACK", "SCIATICA_LEFT"));
        @SuppressWarnings("unchecked")
        Map<String, Object> recorded = (Map<String, Object>) events.get(5).get("payload");
        assertThat(recorded)
                .containsEntry("sessionId", sessionId)
                .containsEntry("episodeId", care.episodeId())
                .containsEntry("sessionNumber", 1);
        assertThat((String) recorded.get("startedAt")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> closed = (Map<String, Object>) events.getLast().get("payload");
        assertThat(closed).containsEntry("status", "DISCONTINUED").containsEntry("closedReason", "PATIENT_CHOICE");

        String everything = events.toString();
        assertThat(everything)
                .doesNotContain("Alice")
                .doesNotContain("Nguyen")
                .doesNotContain("1972-04-18")
                .doesNotContain("patient@mail.example")
                // The phone number, whole or as digits; "7700" alone also occurs in random UUIDs (a flaky failure).
                .doesNotContain("7700 900123")
                .doesNotContain("447700900123")
                .doesNotContain("MRN-")
                .doesNotContain("ehr.example")
                .doesNotContain(care.patientId());
    }

    @Test
    void writesNoEventForARejectedRequest() {
        String clinicId = Fixtures.clinic();
        Fixtures.registerPatient(clinicId, "Alice", "Nguyen", "MRN-ONE").then().statusCode(201);
        Fixtures.registerPatient(clinicId, "Bob", "Smith", "MRN-ONE").then().statusCode(409);
        Fixtures.registerPatient(clinicId, "", "Smith", "MRN-TWO").then().statusCode(400);
        assertThat(counts.patientEvents(clinicId)).isEqualTo(1);
    }

    @Test
    void writesNoEventWhenTheTransactionRollsBack() {
        String clinicId = Fixtures.clinic();
        PatientDraft draft =
                new PatientDraft("Eve", "Rollback", LocalDate.of(1980, 1, 1), Sex.FEMALE, null, null, List.of());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    patients.register(UUID.fromString(clinicId), draft);
                    throw new IllegalStateException("the change fails after its event was written");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(counts.rows("patient", clinicId)).isZero();
        assertThat(counts.patientEvents(clinicId)).isZero();
    }

    @Test
    void aLaterWriterWaitsSoPositionsBecomeVisibleInCommitOrder() throws Exception {
        UUID clinic = UUID.randomUUID();
        long before = head();
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    outbox.append(UUID.randomUUID(), "TestFirst", clinic, null, Instant.now(), "{}");
                    firstAppended.countDown();
                    await(releaseFirst);
                }));
        assertThat(firstAppended.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.append(UUID.randomUUID(), "TestSecond", clinic, null, Instant.now(), "{}")));

        // The second writer cannot take a position (let alone commit) while the first transaction is open.
        Thread.sleep(700);
        assertThat(second).isNotDone();
        assertThat(ofClinic(readAll(before), clinic.toString())).isEmpty();

        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        List<Map<String, Object>> events = ofClinic(readAll(before), clinic.toString());
        assertThat(events).extracting(event -> event.get("type")).containsExactly("TestFirst", "TestSecond");
    }

    @Test
    void pagesWithAnExclusiveCursor() {
        CareSetup care = Fixtures.careSetup();
        List<Map<String, Object>> mine = ofClinic(readAll(0), care.clinicId());
        long firstPosition = ((Number) mine.getFirst().get("position")).longValue();
        long secondPosition = ((Number) mine.get(1).get("position")).longValue();
        given().auth()
                .oauth2(TestTokens.service())
                .queryParam("after", firstPosition - 1)
                .queryParam("limit", 2)
                .when()
                .get(FEED)
                .then()
                .statusCode(200)
                .body("events", hasSize(2))
                .body("events[0].position", equalTo((int) firstPosition))
                .body("nextAfter", equalTo((int) secondPosition));
        given().auth()
                .oauth2(TestTokens.service())
                .queryParam("after", Long.MAX_VALUE - 1)
                .when()
                .get(FEED)
                .then()
                .statusCode(200)
                .body("events", hasSize(0))
                .body("nextAfter", equalTo(Long.MAX_VALUE - 1));
    }

    @Test
    void rejectsAnOutOfRangeLimitOrCursor() {
        given().auth()
                .oauth2(TestTokens.service())
                .queryParam("limit", 501)
                .when()
                .get(FEED)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().auth()
                .oauth2(TestTokens.service())
                .queryParam("after", -1)
                .when()
                .get(FEED)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void isNotReachableUnderThePublicApiPrefix() {
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/api/v1/intake/events")
                .then()
                .statusCode(404);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
