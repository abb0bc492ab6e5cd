package org.meridian.outcomes.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.Submissions.answers;
import static org.meridian.outcomes.Submissions.body;
import static org.meridian.outcomes.Submissions.odi;
import static org.meridian.outcomes.Submissions.path;
import static org.meridian.outcomes.Submissions.post;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.IntakeScript;
import org.meridian.platform.test.security.TestTokens;

/**
 * V16 gives stored score details the API's consistent names. Rows stored before it (written here in the shape the
 * earlier code wrote, field for field) must read exactly like rows scored now, in the API and as FHIR Observations.
 */
@QuarkusTest
class ScoreDetailsMigrationTest {

    private static final String MIGRATION = "db/migration/V16__score_details_consistent_names.sql";
    private static final OffsetDateTime ANSWERED =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS);

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

    /** Each instrument's answers and the details the code before V16 stored for them. */
    private static final List<OldRow> OLD_ROWS = List.of(
            new OldRow(
                    "ODI",
                    odi(3, 2, 4, 3, 3, 4, 2, null, 5, 4),
                    "{\"rawSum\": 30, \"sectionsAnswered\": 9, \"maximumPossible\": 45,"
                            + " \"percent\": 66.66666666666666666667, \"band\": \"CRIPPLED\"}"),
            new OldRow("RMDQ", rmdq(10), "{\"yesCount\": 10}"),
            new OldRow(
                    "PEG",
                    answers("peg_pain", 3, "peg_enjoyment", 4, "peg_general_activity", 4),
                    "{\"itemSum\": 11, \"mean\": 3.66666666666666666667}"),
            new OldRow(
                    "STARTBACK",
                    answers(
                            "sbt_01",
                            1,
                            "sbt_02",
                            1,
                            "sbt_03",
                            0,
                            "sbt_04",
                            0,
                            "sbt_05",
                            1,
                            "sbt_06",
                            1,
                            "sbt_07",
                            1,
                            "sbt_08",
                            0,
                            "sbt_09_bothersomeness",
                            0),
                    "{\"total\": 5, \"psychosocialSubscale\": 3, \"risk\": \"MEDIUM\"}"),
            new OldRow(
                    "PROMIS_PI_4A",
                    answers("PAININ9", 3, "PAININ22", 3, "PAININ31", 3, "PAININ34", 3),
                    "{\"rawScore\": 12, \"tScore\": 61.2, \"standardError\": 1.8, \"severity\": \"MODERATE\"}"),
            new OldRow(
                    "NIH_ISS",
                    answers(
                            "PFA11",
                            3,
                            "PFA21",
                            3,
                            "PFA23",
                            3,
                            "PFA53",
                            3,
                            "PAININ9",
                            3,
                            "PAININ22",
                            3,
                            "PAININ31",
                            2,
                            "PAININ34",
                            2,
                            "pain_intensity_0_10",
                            6),
                    "{\"total\": 28, \"physicalFunctionReversed\": 12, \"painInterference\": 10,"
                            + " \"painIntensity\": 6, \"group\": \"MODERATE\"}"),
            new OldRow("NRS_BACK_PAIN", answers("back_pain_nrs", 6), "{\"painIntensity\": 6}"),
            new OldRow(
                    "PGIC", answers("pgic", 2), "{\"code\": 2, \"category\": \"MUCH_IMPROVED\", \"improved\": true}"));

    @Test
    void rowsStoredInTheOldShapeReadLikeRowsScoredNow() throws Exception {
        Map<String, Map<String, Object>> scoredNow = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (OldRow row : OLD_ROWS) {
            var created = post(practitioner, clinic, patient, body(row.instrument(), "AD_HOC", ANSWERED, row.answers()))
                    .statusCode(201)
                    .extract();
            ids.put(row.instrument(), created.path("id"));
            scoredNow.put(row.instrument(), created.path("details"));
        }
        for (OldRow row : OLD_ROWS) {
            storeOldShape(ids.get(row.instrument()), row.oldDetails());
        }

        runMigration();
        runMigration(); // a second run must change nothing

        for (OldRow row : OLD_ROWS) {
            Map<String, Object> read = given().auth()
                    .oauth2(practitioner)
                    .when()
                    .get(path(clinic, patient) + "/" + ids.get(row.instrument()))
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("details");
            assertThat(read).as(row.instrument()).isEqualTo(scoredNow.get(row.instrument()));
            given().auth()
                    .oauth2(practitioner)
                    .accept("application/fhir+json")
                    .when()
                    .get("/fhir/r4/Observation/" + ids.get(row.instrument()))
                    .then()
                    .statusCode(200);
        }
        Map<String, Object> iss = scoredNow.get("NIH_ISS");
        assertThat(iss)
                .containsEntry("instrumentCode", "NIH_ISS")
                .containsEntry("total", 28)
                .containsEntry("category", "MODERATE")
                .containsEntry("subscales", Map.of("physicalFunction", 12, "painInterference", 10, "painIntensity", 6));
        List<Integer> issComponents = given().auth()
                .oauth2(practitioner)
                .accept("application/fhir+json")
                .when()
                .get("/fhir/r4/Observation/" + ids.get("NIH_ISS"))
                .then()
                .extract()
                .path("component.findAll { it.valueInteger != null }.valueInteger");
        assertThat(issComponents).containsExactly(12, 10, 6);
    }

    private void storeOldShape(String id, String details) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update outcomes.assessment set score_details = cast(? as jsonb) where id = ?")) {
            statement.setString(1, details);
            statement.setObject(2, UUID.fromString(id));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private void runMigration() throws SQLException, IOException {
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(MIGRATION)) {
            assertThat(in).as(MIGRATION).isNotNull();
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to outcomes");
            statement.execute(sql);
            statement.execute("reset search_path");
        }
    }

    private static Map<String, Object> rmdq(int yes) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int item = 1; item <= 24; item++) {
            answers.put("rmdq_%02d".formatted(item), item <= yes ? 1 : 0);
        }
        return answers;
    }

    private record OldRow(String instrument, Map<String, Object> answers, String oldDetails) {}
}
