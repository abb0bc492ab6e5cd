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
import org.meridian.outcomes.TestTokens;
import org.meridian.outcomes.research.ResearchData.Patient;
import org.meridian.outcomes.research.export.Pseudonymizer;

/**
 * Exports of a data set received "tomorrow", so that exporting since then sees only these rows whatever else the
 * test database holds. The expected pseudonyms are computed with the test profile's secret.
 */
@QuarkusTest
class ResearchExportResourceTest {

    private static final String PATH = "/api/v1/outcomes/research/exports/assessments";
    private static final String SECRET = "test-research-secret-not-for-production";

    @Inject
    AgroalDataSource dataSource;

    private static Response export(String project, String format, String since) {
        return given().auth().oauth2(TestTokens.researcher())
                .queryParam("project", project).queryParam("format", format).queryParam("since", since)
                .get(PATH).then().statusCode(200).extract().response();
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

        Response csv = export("lbp-dose", "csv", since.toString());
        assertThat(csv.contentType()).startsWith("text/csv");
        String body = csv.asString();
        List<String> lines = body.lines().toList();
        assertThat(lines.get(0)).isEqualTo("patient,clinic,ageBand,sex,painSites,chronicity,instrument,instrumentVersion,"
                + "timepoint,followUpWeeks,daysSinceEpisodeStart,sessionNumber,score,changeFromBaseline,responderAbsolute,"
                + "responderRelative,improved50Percent,deteriorationAbsolute,deteriorationRelative");
        Pseudonymizer pseudonyms = new Pseudonymizer(SECRET, "lbp-dose");
        String patient = pseudonyms.patient(consenting.pseudonymId());
        String clinicPseudonym = pseudonyms.clinic(clinic);
        assertThat(lines.stream().filter(line -> line.startsWith(patient)).toList()).containsExactly(
                patient + "," + clinicPseudonym + ",40-49,FEMALE,\"LOW_BACK,SCIATICA_LEFT\",CHRONIC,ODI,2.1a,BASELINE,,-1,,66.6667,,,,,,",
                patient + "," + clinicPseudonym + ",40-49,FEMALE,\"LOW_BACK,SCIATICA_LEFT\",CHRONIC,ODI,2.1a,FOLLOW_UP,12,84,,46.6667,-20.0000,true,true,false,false,false");
        assertThat(body).doesNotContain(pseudonyms.patient(withdrawn.pseudonymId()));
        for (UUID id : List.of(consenting.pseudonymId(), consenting.episodeId(), clinic, withdrawn.pseudonymId())) {
            assertThat(body).doesNotContainIgnoringCase(id.toString());
        }
        assertThat(body).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain("1975");
        assertThat(csv.header(org.meridian.outcomes.research.rest.ResearchResource.NEXT_SINCE)).startsWith("c1.");
    }

    @Test
    void givesEachProjectItsOwnUnlinkablePseudonyms() {
        Instant since = Instant.now().plus(Duration.ofDays(2));
        ResearchData data = new ResearchData(dataSource, since);
        Patient patient = data.patient(UUID.randomUUID(), "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 1);
        data.assessment(patient, "NRS_BACK_PAIN", "1.0", "BASELINE", null, 0, "7");

        String a = new Pseudonymizer(SECRET, "project-a").patient(patient.pseudonymId());
        String b = new Pseudonymizer(SECRET, "project-b").patient(patient.pseudonymId());
        String bodyA = export("project-a", "ndjson", since.toString()).asString();
        String bodyB = export("project-b", "ndjson", since.toString()).asString();
        List<JsonPath> first = ndjson(bodyA).stream().filter(row -> a.equals(row.getString("patient"))).toList();
        List<JsonPath> second = ndjson(bodyB).stream().filter(row -> b.equals(row.getString("patient"))).toList();
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(a).hasSize(32).isNotEqualTo(b);
        // neither export contains the other project's pseudonym of the same patient
        assertThat(bodyA).doesNotContain(b);
        assertThat(bodyB).doesNotContain(a);
        assertThat(first.get(0).getString("clinic")).hasSize(16).isNotEqualTo(second.get(0).getString("clinic"));
        assertThat(first.get(0).getDouble("score")).isEqualTo(7.0);
        assertThat(first.get(0).getMap("")).doesNotContainKeys("pseudonymId", "id", "answeredAt", "receivedAt",
                "birthYear", "episodeId", "sessionId");
    }

    @Test
    void resumesAfterTheCursorItReturned() {
        Instant since = Instant.now().plus(Duration.ofDays(3));
        ResearchData data = new ResearchData(dataSource, since);
        Patient patient = data.patient(UUID.randomUUID(), "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 2);
        data.assessment(patient, "NRS_BACK_PAIN", "1.0", "BASELINE", null, -1, "8");
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
        assertThat(ndjson(export("resume", "ndjson", second.header(org.meridian.outcomes.research.rest.ResearchResource.NEXT_SINCE)).asString())).isEmpty();
    }

    @Test
    void rejectsAMissingProjectAndUnknownFormatOrCursor() {
        given().auth().oauth2(TestTokens.researcher()).get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("project"));
        given().auth().oauth2(TestTokens.researcher()).queryParam("project", "p").queryParam("format", "xml").get(PATH)
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
        given().auth().oauth2(TestTokens.researcher()).queryParam("project", "p").queryParam("since", "c1.!!").get(PATH)
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("since"));
    }

    private static List<JsonPath> ndjson(String body) {
        return Arrays.stream(body.split("\n")).filter(line -> !line.isBlank()).map(JsonPath::from).toList();
    }
}
