package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.TestTokens;

/** The annual cap read as the calendar year (MERIDIAN_VISIT12_ANNUAL_CAP_WINDOW=CALENDAR_YEAR), in the clinic's zone. */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
@TestProfile(Visit12CalendarYearTest.CalendarYear.class)
class Visit12CalendarYearTest {

    public static class CalendarYear implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("meridian.visit12.annual-cap-window", "CALENDAR_YEAR");
        }
    }

    @Inject
    IntakeFeedConsumer consumer;

    @Test
    void countsFromTheFirstOfJanuaryAtTheClinicsMidnight() {
        UUID clinic = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        IntakeScript.events()
                .clinicRegistered(clinic, "Pacific/Auckland")
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, LocalDate.parse("2025-12-01"))
                // 31 December 2025, 23:00 in Auckland (UTC+13): last year
                .sessionRecorded(clinic, patient, episode, UUID.randomUUID(), 1, Instant.parse("2025-12-31T10:00:00Z"))
                // 1 January 2026, 01:00 in Auckland: this year, though still 2025 in UTC
                .sessionRecorded(clinic, patient, episode, UUID.randomUUID(), 2, Instant.parse("2025-12-31T12:00:00Z"))
                .sessionRecorded(clinic, patient, episode, UUID.randomUUID(), 3, Instant.parse("2026-01-14T00:00:00Z"))
                .publish();
        consumer.poll();
        given().auth()
                .oauth2(TestTokens.practitioner(clinic))
                .queryParam("at", "2026-03-01T00:00:00Z")
                .when()
                .get("/api/v1/outcomes/clinics/" + clinic + "/patients/" + patient + "/episodes/" + episode
                        + "/visit-12-check")
                .then()
                .statusCode(200)
                .body("annualCapWindow.basis", equalTo("CALENDAR_YEAR"))
                .body("annualCapWindow.from", equalTo("2025-12-31T11:00:00Z"))
                .body("annualCapWindow.timeZone", equalTo("Pacific/Auckland"))
                .body("sessionsThisYear", equalTo(2))
                .body("sessionsHeld", equalTo(3));
    }
}
