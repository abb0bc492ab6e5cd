package org.meridian.outcomes.research;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.ResearchData.Patient;
import org.meridian.outcomes.research.export.Pseudonymizer;
import org.meridian.platform.test.security.TestTokens;

/**
 * Exports of a data set received "tomorrow", so that exporting since then sees only these rows whatever else the
 * test database holds. The expected pseudonyms are computed with the test profile's secret. An exported patient needs
 * k-1 others sharing their quasi-identifiers: {@link #companions} are such patients, with rows received before the
 * export's start, so that they count for k-anonymity but are not in the rows a test reads.
 */
@QuarkusTest
class ResearchExportResourceTest {

    private static final String PATH = "/api/v1/outcomes/research/exports/assessments";
    private static final String SECRET = "test-research-secret-not-for-production";

    @Inject
    AgroalDataSource dataSource;

    private static final int K = 11;

    private static Response export(String project, String format, String since) {
        return given().auth()
                .oauth2(TestTokens.researchExport())
                .queryParam("project", project)
                .queryParam("format", format)
                .queryParam("since", since)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    /** {@code count} consenting patients of the clinic with these attributes and one scored assessment received now. */
    private void companions(UUID clinic, String sex, String ageBand, String painSites, String chronicity, int count) {
        ResearchData now = new ResearchData(dataSource, Instant.now());
        for (int i = 0; i < count; i++) {
            Patient patient = now.patient(clinic, sex, ageBand, painSites, chronicity, 1);
            now.assessment(patient, "NRS_BACK_PAIN", "1.0", "BASELINE", null, 0, "6");
        }
    }

    @Test
    void exportsPseudonymousRowsOfConsentingPatientsWithoutIdentifiersOrDates() {
        Instant since = Instant.now().plus(Duration.ofDays(1));
        ResearchData data = new ResearchData(dataSource, since);
        UUID clinic = UUID.randomUUID();
        Patient consenting = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK,SCIATICA_LEFT", "CHRONIC", 3);
        Patient withdrawn = data.patient(clinic, "MALE", "60-69", "LOW_BACK", "ACUTE", 3);
        for (Patient patient : List.of(consenting, withdrawn)) {
            data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, "200/3");
            data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "140/3");
        }
        data.withdrawConsent(withdrawn);
        companions(clinic, "FEMALE", "40-49", "LOW_BACK,SCIATICA_LEFT", "CHRONIC", K - 1);

        Response csv = export("lbp-dose", "csv", since.toString());
        assertThat(csv.contentType()).startsWith("text/csv");
        String body = csv.asString();
        List<String> lines = body.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("patient,clinic,ageBand,sex,sciatica,chronicity,instrument,instrumentVersion,"
                        + "timepoint,followUpWeeks,daysSinceEpisodeStart,sessionNumber,score,changeFromBaseline,responderAbsolute,"
                        + "responderRelative,improved50Percent,deteriorationAbsolute,deteriorationRelative");
        Pseudonymizer pseudonyms = new Pseudonymizer(SECRET, "lbp-dose");
        String patient = pseudonyms.patient(consenting.pseudonymId());
        String clinicPseudonym = pseudonyms.clinic(clinic);
        // quasi-identifiers coarsened: 40-49 -> 40-59, pain sites -> whether any is sciatica
        assertThat(lines.stream().filter(line -> line.startsWith(patient)).toList())
                .containsExactly(
                        patient + "," + clinicPseudonym
                                + ",40-59,FEMALE,true,CHRONIC,ODI,2.1a,BASELINE,,-1,,66.6667,,,,,,",
                        patient + "," + clinicPseudonym
                                + ",40-59,FEMALE,true,CHRONIC,ODI,2.1a,FOLLOW_UP,12,84,,46.6667,-20,true,true,false,false,false");
        assertThat(body).doesNotContain(pseudonyms.patient(withdrawn.pseudonymId()));
        for (UUID id : List.of(consenting.pseudonymId(), consenting.episodeId(), clinic, withdrawn.pseudonymId())) {
            assertThat(body).doesNotContainIgnoringCase(id.toString());
        }
        assertThat(body).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        // the birth year: in no column but the two pseudonyms, random hex that may hold any four digits
        assertThat(lines.stream().skip(1).map(line -> line.substring(nthComma(line, 2) + 1)))
                .noneMatch(rest -> rest.contains("1975"));
        assertThat(csv.header(org.meridian.outcomes.research.rest.ResearchResource.NEXT_SINCE))
                .startsWith("c1.");
    }

    @Test
    void givesEachProjectItsOwnUnlinkablePseudonyms() {
        Instant since = Instant.now().plus(Duration.ofDays(2));
        ResearchData data = new ResearchData(dataSource, since);
        UUID clinic = UUID.randomUUID();
        Patient patient = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 1);
        data.assessment(patient, "NRS_BACK_PAIN", "1.0", "BASELINE", null, 0, "7");
        companions(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", K - 1);

        String a = new Pseudonymizer(SECRET, "project-a").patient(patient.pseudonymId());
        String b = new Pseudonymizer(SECRET, "project-b").patient(patient.pseudonymId());
        String bodyA = export("project-a", "ndjson", since.toString()).asString();
        String bodyB = export("project-b", "ndjson", since.toString()).asString();
        List<JsonPath> first = ndjson(bodyA).stream()
                .filter(row -> a.equals(row.getString("patient")))
                .toList();
        List<JsonPath> second = ndjson(bodyB).stream()
                .filter(row -> b.equals(row.getString("patient")))
                .toList();
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(a).hasSize(32).isNotEqualTo(b);
        // neither export contains the other project's pseudonym of the same patient
        assertThat(bodyA).doesNotContain(b);
        assertThat(bodyB).doesNotContain(a);
        assertThat(first.get(0).getString("clinic"))
                .hasSize(16)
                .isNotEqualTo(second.get(0).getString("clinic"));
        assertThat(first.get(0).getDouble("score")).isEqualTo(7.0);
        assertThat(first.get(0).getMap(""))
                .doesNotContainKeys(
                        "pseudonymId", "id", "answeredAt", "receivedAt", "birthYear", "episodeId", "sessionId");
    }

    @Test
    void resumesAfterTheCursorItReturned() {
        Instant since = Instant.now().plus(Duration.ofDays(3));
        ResearchData data = new ResearchData(dataSource, since);
        UUID clinic = UUID.randomUUID();
        Patient patient = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 2);
        data.assessment(patient, "NRS_BACK_PAIN", "1.0", "BASELINE", null, -1, "8");
        companions(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", K - 1);
        data.assessment(patient, "NRS_BACK_PAIN", "1.0", "AD_HOC", null, 3, "6");

        Response first = export("resume", "ndjson", since.toString());
        assertThat(ndjson(first.asString())).hasSize(2);
        String cursor = first.header(org.meridian.outcomes.research.rest.ResearchResource.NEXT_SINCE);

        data.assessment(patient, "NRS_BACK_PAIN", "1.0", "FOLLOW_UP", 4, 28, "3");
        Response second = export("resume", "ndjson", cursor);
        List<JsonPath> rows = ndjson(second.asString());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getString("timepoint")).isEqualTo("FOLLOW_UP");
        assertThat(rows.get(0).getDouble("changeFromBaseline")).isEqualTo(-5.0);
        assertThat(rows.get(0).getBoolean("responderAbsolute")).isTrue();
        assertThat(ndjson(export(
                                "resume",
                                "ndjson",
                                second.header(org.meridian.outcomes.research.rest.ResearchResource.NEXT_SINCE))
                        .asString()))
                .isEmpty();
    }

    @Test
    void rejectsAMissingProjectAndUnknownFormatOrCursor() {
        given().auth()
                .oauth2(TestTokens.researchExport())
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("project"));
        given().auth()
                .oauth2(TestTokens.researchExport())
                .queryParam("project", "p")
                .queryParam("format", "xml")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
        given().auth()
                .oauth2(TestTokens.researchExport())
                .queryParam("project", "p")
                .queryParam("since", "c1.!!")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("since"));
    }

    @Test
    void refusesRowLevelExportsToAResearcherWithoutTheDataUseRole() {
        // with rows a researcher could count any cell, however small: aggregates are for researchers, rows need the
        // research-export role of an approved data-use agreement
        given().auth()
                .oauth2(TestTokens.researcher())
                .queryParam("project", "p")
                .get(PATH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.researchExport())
                .queryParam("instrument", "ODI")
                .get("/api/v1/outcomes/research/aggregates")
                .then()
                .statusCode(403);
    }

    @Test
    void exportsOnlyQuasiIdentifierCombinationsSharedByAtLeastKPatients() {
        Instant since = Instant.now().plus(Duration.ofDays(4));
        Response before = export("k-anonymity", "ndjson", since.toString());
        long withheldBefore = Long.parseLong(before.header("X-Withheld-Patients"));
        long clinicWithheldBefore = Long.parseLong(before.header("X-Clinic-Withheld-Patients"));

        ResearchData data = new ResearchData(dataSource, since);
        // 11 alike in one clinic: exported as they are
        UUID common = UUID.randomUUID();
        List<Patient> alike = new java.util.ArrayList<>();
        for (int i = 0; i < K; i++) {
            alike.add(data.patient(common, "MALE", "50-59", "LOW_BACK", "NOT_CHRONIC", 2));
        }
        // 3 alike in each of 4 clinics (a class of 3 with the clinic, of 12 without): exported without their clinic
        List<Patient> spread = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            UUID clinic = UUID.randomUUID();
            for (int i = 0; i < 3; i++) {
                spread.add(data.patient(clinic, "OTHER", "60-69", "UPPER_BACK,SCIATICA_LEFT", "CHRONIC", 2));
            }
        }
        // 3 alike in one clinic, and nobody else like them: left out
        UUID rare = UUID.randomUUID();
        List<Patient> unique = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            unique.add(data.patient(rare, "UNKNOWN", "80+", "UPPER_BACK,SCIATICA_BILATERAL", "NOT_CHRONIC", 2));
        }
        for (List<Patient> group : List.of(alike, spread, unique)) {
            for (Patient patient : group) {
                data.assessment(patient, "NRS_BACK_PAIN", "1.0", "BASELINE", null, -1, "8");
                data.assessment(patient, "NRS_BACK_PAIN", "1.0", "FOLLOW_UP", 4, 28, "5");
            }
        }

        Response after = export("k-anonymity", "ndjson", since.toString());
        Pseudonymizer pseudonyms = new Pseudonymizer(SECRET, "k-anonymity");
        List<JsonPath> rows = ndjson(after.asString());
        for (Patient patient : alike) {
            List<JsonPath> own = rows.stream()
                    .filter(row -> pseudonyms.patient(patient.pseudonymId()).equals(row.getString("patient")))
                    .toList();
            assertThat(own).hasSize(2);
            assertThat(own.get(0).getString("clinic")).isEqualTo(pseudonyms.clinic(common));
            assertThat(own.get(0).getString("ageBand")).isEqualTo("40-59");
            assertThat(own.get(0).getBoolean("sciatica")).isFalse();
        }
        for (Patient patient : spread) {
            List<JsonPath> own = rows.stream()
                    .filter(row -> pseudonyms.patient(patient.pseudonymId()).equals(row.getString("patient")))
                    .toList();
            assertThat(own).hasSize(2);
            assertThat(own.get(0).getString("clinic")).isNull();
            assertThat(own.get(0).getString("ageBand")).isEqualTo("60+");
            assertThat(own.get(0).getString("sex")).isEqualTo("OTHER");
        }
        for (Patient patient : unique) {
            assertThat(after.asString()).doesNotContain(pseudonyms.patient(patient.pseudonymId()));
        }
        assertThat(rows).hasSize(2 * (K + 12));
        assertThat(Long.parseLong(after.header("X-Withheld-Patients")) - withheldBefore)
                .isEqualTo(3);
        assertThat(Long.parseLong(after.header("X-Clinic-Withheld-Patients")) - clinicWithheldBefore)
                .isEqualTo(12);
        assertThat(after.header("X-Withheld-Rows")).isEqualTo("6");
    }

    @Test
    void auditsEachExportWithItsQuery() {
        String subject = "export-audit-" + UUID.randomUUID();
        String token = TestTokens.claims("research-export").subject(subject).sign();
        given().auth()
                .oauth2(token)
                .queryParam("project", "audited-project")
                .queryParam("format", "csv")
                .get(PATH)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("subject", subject)
                .get("/api/v1/outcomes/audit-events")
                .then()
                .statusCode(200)
                .body("items[0].path", org.hamcrest.Matchers.equalTo(PATH))
                .body("items[0].query", org.hamcrest.Matchers.equalTo("project=audited-project&format=csv"))
                .body("items[0].roles", org.hamcrest.Matchers.equalTo("research-export"));
    }

    private static List<JsonPath> ndjson(String body) {
        return Arrays.stream(body.split("\n"))
                .filter(line -> !line.isBlank())
                .map(JsonPath::from)
                .toList();
    }

    private static int nthComma(String line, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = line.indexOf(',', at + 1);
        }
        return at;
    }
}
