package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.odi;
import static org.meridian.outcomes.Submissions.post;
import static org.meridian.outcomes.Submissions.with;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.TestTokens;

/** Courses of care in spring 2026, checked on fixed dates so that calendar-year counts are stable. */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class Visit12CheckTest {

    private static final LocalDate START = LocalDate.parse("2026-03-02");
    private static final Instant CHECK = Instant.parse("2026-05-20T12:00:00Z");

    @Inject
    IntakeFeedConsumer consumer;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    @Test
    void supportsEightMoreSessionsWhenOdiImprovedByExactly30Percent() {
        UUID episode = course(START, 12, 6);
        submit(body("ODI", "BASELINE", at(START.minusDays(1)), odi(3, 2, 4, 3, 3, 4, 2, null, 5, 4)));
        submit(with(
                body("ODI", "FOLLOW_UP", at(START.plusDays(67)), odi(2, 2, 3, 2, 2, 3, 2, null, 3, 2)),
                "followUpWeeks",
                10));
        check(episode)
                .body("sessionsHeld", equalTo(12))
                .body("initialSessionsHeld", equalTo(12))
                .body("improvementDocumented", equalTo(true))
                .body("worsening", equalTo(false))
                .body("evidence.instrumentCode", hasItem("ODI"))
                .body("evidence[0].percentImprovement", equalTo(30))
                .body("evidence[0].responderRelative", equalTo(true))
                .body("decision", equalTo("ADDITIONAL_SESSIONS_SUPPORTED"))
                .body("additionalSessionsAllowed", equalTo(8))
                .body("sessionsThisYear", equalTo(12))
                .body("remainingUnderAnnualCap", equalTo(8));
    }

    @Test
    void refusesMoreSessionsWithoutClinicallyImportantImprovement() {
        UUID episode = course(START, 12, 6);
        submit(body("ODI", "BASELINE", at(START.minusDays(1)), odi(3, 2, 4, 3, 3, 4, 2, null, 5, 4)));
        submit(body("NRS_BACK_PAIN", "BASELINE", at(START.minusDays(1)), nrs(6)));
        submit(with(
                body("ODI", "FOLLOW_UP", at(START.plusDays(67)), odi(3, 2, 4, 3, 3, 3, 2, null, 4, 3)),
                "followUpWeeks",
                10));
        submit(with(body("NRS_BACK_PAIN", "FOLLOW_UP", at(START.plusDays(67)), nrs(5)), "followUpWeeks", 10));
        check(episode)
                .body("improvementDocumented", equalTo(false))
                .body("decision", equalTo("NOT_IMPROVING"))
                .body("additionalSessionsAllowed", equalTo(0));
    }

    @Test
    void flagsRegressionByTheMcid() {
        UUID episode = course(START, 12, 6);
        submit(body("NRS_BACK_PAIN", "BASELINE", at(START.minusDays(1)), nrs(4)));
        submit(with(body("NRS_BACK_PAIN", "FOLLOW_UP", at(START.plusDays(67)), nrs(7)), "followUpWeeks", 10));
        check(episode).body("worsening", equalTo(true)).body("decision", equalTo("REGRESSING"));
    }

    @Test
    void theInitialCourseContinuesBeforeTwelveSessionsWithinNinetyDays() {
        UUID episode = course(START, 5, 7);
        submit(body("NRS_BACK_PAIN", "BASELINE", at(START.minusDays(1)), nrs(6)));
        given().auth()
                .oauth2(practitioner)
                .queryParam("at", "2026-04-10T12:00:00Z")
                .when()
                .get(base() + "/episodes/" + episode + "/visit-12-check")
                .then()
                .statusCode(200)
                .body("initialSessionsHeld", equalTo(5))
                .body("decision", equalTo("INITIAL_COURSE_CONTINUES"));
    }

    @Test
    void aPatientRegressingBeforeVisitTwelveIsToldToStopNotToContinue() {
        UUID episode = course(START, 11, 7);
        submit(body("NRS_BACK_PAIN", "BASELINE", at(START.minusDays(1)), nrs(4)));
        submit(with(body("NRS_BACK_PAIN", "FOLLOW_UP", at(START.plusDays(70)), nrs(8)), "followUpWeeks", 10));
        check(episode)
                .body("initialSessionsHeld", equalTo(11))
                .body("worsening", equalTo(true))
                .body("evidence[0].deteriorationAbsolute", equalTo(true))
                .body("decision", equalTo("REGRESSING"))
                .body("rule", equalTo("REGRESSION"))
                .body("reason", containsString("NRS_BACK_PAIN"))
                .body("additionalSessionsAllowed", equalTo(0));
    }

    @Test
    void aPatientFeelingMuchWorseIsRegressing() {
        UUID episode = course(START, 6, 7);
        submit(body("NRS_BACK_PAIN", "BASELINE", at(START.minusDays(1)), nrs(6)));
        submit(with(body("PGIC", "FOLLOW_UP", at(START.plusDays(35)), Map.of("pgic", 6)), "followUpWeeks", 4));
        check(episode)
                .body("worsening", equalTo(true))
                .body("decision", equalTo("REGRESSING"))
                .body("reason", containsString("PGIC"));
    }

    @Test
    void notImprovingYetBeforeVisitTwelveIsNotRegressing() {
        UUID episode = course(START, 11, 7);
        submit(body("NRS_BACK_PAIN", "BASELINE", at(START.minusDays(1)), nrs(6)));
        submit(with(body("NRS_BACK_PAIN", "FOLLOW_UP", at(START.plusDays(70)), nrs(6)), "followUpWeeks", 10));
        check(episode)
                .body("improvementDocumented", equalTo(false))
                .body("worsening", equalTo(false))
                .body("decision", equalTo("INITIAL_COURSE_CONTINUES"))
                .body("rule", equalTo("INITIAL_COURSE"));
    }

    @Test
    void countsEveryEpisodeOfTheYearAgainstTheCapOfTwenty() {
        course(LocalDate.parse("2026-01-05"), 10, 3);
        UUID episode = course(START, 12, 6);
        submit(body("NRS_BACK_PAIN", "BASELINE", at(START.minusDays(1)), nrs(8)));
        submit(with(body("NRS_BACK_PAIN", "FOLLOW_UP", at(START.plusDays(67)), nrs(3)), "followUpWeeks", 10));
        check(episode)
                .body("improvementDocumented", equalTo(true))
                .body("sessionsThisYear", equalTo(22))
                .body("remainingUnderAnnualCap", equalTo(0))
                .body("decision", equalTo("ANNUAL_CAP_REACHED"))
                .body("additionalSessionsAllowed", equalTo(0));
    }

    @Test
    void theCapCountsEarlierEpisodesWhileTheNewInitialCourseIsStillOpen() {
        course(LocalDate.parse("2026-02-02"), 12, 7);
        UUID episode = course(LocalDate.parse("2026-05-04"), 9, 7);
        submit(body("NRS_BACK_PAIN", "BASELINE", at(LocalDate.parse("2026-05-03")), nrs(7)));
        given().auth()
                .oauth2(practitioner)
                .queryParam("at", "2026-06-30T12:00:00Z")
                .when()
                .get(base() + "/episodes/" + episode + "/visit-12-check")
                .then()
                .statusCode(200)
                .body("initialSessionsHeld", equalTo(9))
                .body("sessionsThisYear", equalTo(21))
                .body("remainingUnderAnnualCap", equalTo(0))
                .body("decision", equalTo("ANNUAL_CAP_REACHED"))
                .body("rule", equalTo("ANNUAL_CAP"))
                .body("additionalSessionsAllowed", equalTo(0));
    }

    @Test
    void theCapCountsTheTwelveMonthsBeforeTheCheckNotOnlyTheCalendarYear() {
        course(LocalDate.parse("2025-09-01"), 12, 7);
        UUID episode = course(START, 8, 7);
        check(episode)
                .body("sessionsThisYear", equalTo(20))
                .body("annualCapWindow.basis", equalTo("ROLLING_12_MONTHS"))
                .body("annualCapWindow.from", equalTo("2025-05-20T00:00:00Z"))
                .body("annualCapWindow.until", equalTo(CHECK.toString()))
                .body("decision", equalTo("ANNUAL_CAP_REACHED"));
    }

    @Test
    void theCapsWindowOpensAtTheClinicsLocalMidnight() {
        IntakeScript.events().clinicRegistered(clinic, "America/Los_Angeles").publish();
        UUID earlier = UUID.randomUUID();
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, earlier, LocalDate.parse("2025-05-19"))
                // 19 May 2025, 20:00 in Los Angeles: before the window, though 20 May in UTC
                .sessionRecorded(clinic, patient, earlier, UUID.randomUUID(), 1, Instant.parse("2025-05-20T03:00:00Z"))
                // 20 May 2025, 01:00 in Los Angeles: inside
                .sessionRecorded(clinic, patient, earlier, UUID.randomUUID(), 2, Instant.parse("2025-05-20T08:00:00Z"))
                .publish();
        consumer.poll();
        UUID episode = course(START, 3, 7);
        check(episode)
                .body("annualCapWindow.timeZone", equalTo("America/Los_Angeles"))
                .body("annualCapWindow.from", equalTo("2025-05-20T07:00:00Z"))
                .body("sessionsThisYear", equalTo(4));
    }

    @Test
    void isForCliniciansOnly() {
        UUID episode = course(START, 2, 7);
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(clinic, patient))
                .when()
                .get(base() + "/episodes/" + episode + "/visit-12-check")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.clinicAdmin(UUID.randomUUID()))
                .when()
                .get(base() + "/episodes/" + episode + "/visit-12-check")
                .then()
                .statusCode(404);
    }

    /** An episode with {@code sessions} sessions every {@code spacing} days from {@code start}, announced by intake. */
    private UUID course(LocalDate start, int sessions, int spacing) {
        UUID episode = UUID.randomUUID();
        IntakeScript script = IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, start);
        for (int number = 1; number <= sessions; number++) {
            script.sessionRecorded(
                    clinic,
                    patient,
                    episode,
                    UUID.randomUUID(),
                    number,
                    start.plusDays((long) spacing * (number - 1)).atTime(9, 0).toInstant(ZoneOffset.UTC));
        }
        script.publish();
        consumer.poll();
        return episode;
    }

    private ValidatableResponse check(UUID episode) {
        return given().auth()
                .oauth2(practitioner)
                .queryParam("at", CHECK.toString())
                .when()
                .get(base() + "/episodes/" + episode + "/visit-12-check")
                .then()
                .statusCode(200);
    }

    private void submit(Map<String, Object> body) {
        post(practitioner, clinic, patient, body).statusCode(201);
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(8, 0).atOffset(ZoneOffset.UTC);
    }

    private String base() {
        return "/api/v1/outcomes/clinics/" + clinic + "/patients/" + patient;
    }
}
