package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.meridian.outcomes.Submissions.answers;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.nrs;
import static org.meridian.outcomes.Submissions.post;
import static org.meridian.outcomes.Submissions.with;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.IntakeScript;
import org.meridian.outcomes.service.IntakeFeedConsumer;
import org.meridian.platform.test.security.TestTokens;

/** VAS pain 0-100 (docs/scoring.md#vas) through the API: submission, registry entry and progress. */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class VasPainResourceTest {

    private static final String ITEM = "pain_vas_0_100";

    @Inject
    IntakeFeedConsumer consumer;

    @Inject
    AgroalDataSource dataSource;

    private final UUID clinic = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();
    private final String practitioner = TestTokens.practitioner(clinic);

    /** intake issued the patient's pseudonym; its PatientRegistered event has not reached outcomes yet. */
    @BeforeEach
    void intakeIssuedThePatient() {
        IntakeScript.pseudonymIssued(clinic, patient);
    }

    private final LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(40);

    @Test
    void scoresTheMarkAsItsOwnInstrumentWithTheRecallPeriod() {
        post(
                        practitioner,
                        clinic,
                        patient,
                        with(
                                body("VAS_PAIN", "BASELINE", at(start, 9), answers(ITEM, 63)),
                                "recallPeriod",
                                "RIGHT_NOW"))
                .statusCode(201)
                .body("instrumentCode", equalTo("VAS_PAIN"))
                .body("instrumentVersion", equalTo("1.0"))
                .body("policyId", equalTo("vas-0-100-single-item-required"))
                .body("recallPeriod", equalTo("RIGHT_NOW"))
                .body("status", equalTo("SCORED"))
                .body("scoreExact", equalTo("63"))
                .body("answers." + ITEM, equalTo(63));
        post(practitioner, clinic, patient, body("VAS_PAIN", "BASELINE", at(start, 10), answers(ITEM, 0)))
                .statusCode(201)
                .body("scoreExact", equalTo("0"))
                .body("recallPeriod", equalTo("PAST_WEEK"));
        post(practitioner, clinic, patient, body("VAS_PAIN", "BASELINE", at(start, 11), answers(ITEM, 100)))
                .statusCode(201)
                .body("scoreExact", equalTo("100"));
    }

    @Test
    void rejectsAMarkOffTheLineAFractionTextOrNoMarkWith422NamingTheItem() throws SQLException {
        for (Object invalid : new Object[] {101, -1, new BigDecimal("50.5"), "x", null}) {
            post(practitioner, clinic, patient, body("VAS_PAIN", "BASELINE", at(start, 9), answers(ITEM, invalid)))
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:meridian:problem:unprocessable"))
                    .body("errors.field", contains("answers." + ITEM));
        }
        post(practitioner, clinic, patient, body("VAS_PAIN", "BASELINE", at(start, 9), answers()))
                .statusCode(422)
                .body("errors.field", contains("answers." + ITEM));
        assertThat(rowsOfPatient()).isZero();
    }

    @Test
    void isListedInTheRegistryWithMcid15AndThe30PercentRule() {
        given().auth()
                .oauth2(practitioner)
                .when()
                .get("/api/v1/outcomes/instruments/VAS_PAIN")
                .then()
                .statusCode(200)
                .body("version", equalTo("1.0"))
                .body("direction", equalTo("HIGHER_IS_WORSE"))
                .body("recallPeriods", contains("PAST_WEEK", "RIGHT_NOW"))
                .body("loinc", hasSize(0))
                .body("items[0].code", equalTo(ITEM))
                .body("items[0].options", hasSize(101))
                .body("items[0].options[0].label", equalTo("No pain"))
                .body("items[0].options[100].label", equalTo("Worst imaginable pain"))
                .body("change.absoluteMcid", equalTo(15))
                .body("change.relativeMcidPercent", equalTo(30));
    }

    @Test
    void progressJudgesVasChangeAgainstItsOwnBaselineAndNeverMixesItWithNrs() {
        UUID episode = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Instant sessionStart = start.plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC);
        IntakeScript.events()
                .patientRegistered(clinic, patient)
                .episodeStarted(clinic, patient, episode, start)
                .sessionRecorded(clinic, patient, episode, session, 1, sessionStart)
                .publish();
        consumer.poll();

        submit(body("VAS_PAIN", "BASELINE", at(start, 8), answers(ITEM, 60)));
        submit(body("NRS_BACK_PAIN", "BASELINE", at(start, 8), nrs(6)));
        submit(with(
                body(
                        "VAS_PAIN",
                        "PRE_SESSION",
                        sessionStart.minus(10, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                        answers(ITEM, 55)),
                "sessionId",
                session));
        submit(with(
                body(
                        "VAS_PAIN",
                        "POST_SESSION",
                        sessionStart.plus(60, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC),
                        answers(ITEM, 38)),
                "sessionId",
                session));
        // 60 -> 46: 14 mm (below the MCID of 15) and 23 % (below 30 %), so no responder yet.
        submit(with(body("VAS_PAIN", "FOLLOW_UP", at(start.plusDays(14), 8), answers(ITEM, 46)), "followUpWeeks", 2));
        // 60 -> 42: exactly 30 % and 18 mm.
        submit(with(body("VAS_PAIN", "FOLLOW_UP", at(start.plusDays(28), 8), answers(ITEM, 42)), "followUpWeeks", 4));
        submit(with(body("NRS_BACK_PAIN", "FOLLOW_UP", at(start.plusDays(28), 8), nrs(5)), "followUpWeeks", 4));

        JsonPath progress = given().auth()
                .oauth2(practitioner)
                .when()
                .get("/api/v1/outcomes/clinics/" + clinic + "/patients/" + patient + "/episodes/" + episode
                        + "/progress")
                .then()
                .statusCode(200)
                .body("measures.instrumentCode", hasItem("VAS_PAIN"))
                .body("measures.instrumentCode", hasItem("NRS_BACK_PAIN"))
                .extract()
                .jsonPath();

        Map<String, Object> vas = measure(progress, "VAS_PAIN");
        assertThat(vas).containsEntry("assessmentCount", 5);
        assertThat(path(vas, "baseline", "scoreExact")).isEqualTo("60");
        assertThat(path(vas, "latest", "scoreExact")).isEqualTo("42");
        Map<String, Object> change = map(vas.get("change"));
        assertThat(((Number) change.get("change")).intValue()).isEqualTo(-18);
        assertThat(((Number) change.get("improvement")).intValue()).isEqualTo(18);
        assertThat(((Number) change.get("percentImprovement")).floatValue()).isEqualTo(30f);
        assertThat(change).containsEntry("responderAbsolute", true);
        assertThat(change).containsEntry("responderRelative", true);
        assertThat(change).containsEntry("deteriorationAbsolute", false);
        assertThat(change).containsEntry("deteriorationRelative", false);
        assertThat(vas).containsEntry("responder", true);
        // The first follow-up (14 mm, 23 %) met neither rule; the one at 4 weeks is the first response.
        assertThat(path(vas, "firstResponse", "answeredAt"))
                .startsWith(start.plusDays(28).toString());

        Map<String, Object> nrsMeasure = measure(progress, "NRS_BACK_PAIN");
        assertThat(path(nrsMeasure, "baseline", "scoreExact")).isEqualTo("6");
        assertThat(path(nrsMeasure, "latest", "scoreExact")).isEqualTo("5");
        assertThat(nrsMeasure).containsEntry("assessmentCount", 2);

        List<Map<String, Object>> withinSession = progress.getList("withinSession");
        assertThat(withinSession).hasSize(1);
        Map<String, Object> sessionChange = withinSession.getFirst();
        assertThat(sessionChange).containsEntry("instrumentCode", "VAS_PAIN");
        assertThat(((Number) sessionChange.get("pre")).intValue()).isEqualTo(55);
        assertThat(((Number) sessionChange.get("post")).intValue()).isEqualTo(38);
        assertThat(map(sessionChange.get("change"))).containsEntry("responderAbsolute", true);
    }

    private long rowsOfPatient() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from outcomes.assessment where clinic_id = ? and pseudonym_id = ?")) {
            statement.setObject(1, clinic);
            statement.setObject(2, patient);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private void submit(Map<String, Object> body) {
        post(practitioner, clinic, patient, body).statusCode(201);
    }

    private static Map<String, Object> measure(JsonPath progress, String instrument) {
        List<Map<String, Object>> measures = progress.getList("measures");
        return measures.stream()
                .filter(m -> instrument.equals(m.get("instrumentCode")))
                .findFirst()
                .orElseThrow();
    }

    private static String path(Map<String, Object> object, String child, String field) {
        return String.valueOf(map(object.get(child)).get(field));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atOffset(ZoneOffset.UTC);
    }
}
