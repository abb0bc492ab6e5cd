package org.meridian.outcomes.research;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.ResearchData.Patient;
import org.meridian.platform.test.security.TestTokens;

/** Aggregates over a small fixed data set, each test in clinics of its own (every query filters by clinic). */
@QuarkusTest
class ResearchAggregateResourceTest {

    private static final String PATH = "/api/v1/outcomes/research/aggregates";
    private static final double T_975_11 = 2.200985; // t(0.975, 11), from tables

    @Inject
    AgroalDataSource dataSource;

    private ResearchData data() {
        return new ResearchData(dataSource, Instant.now());
    }

    private static RequestSpecification researcher() {
        return given().auth().oauth2(TestTokens.researcher());
    }

    private static JsonPath aggregate(Map<String, ?> parameters) {
        return researcher()
                .queryParams(parameters)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void computesMeansSdsIntervalsAndResponderRatesOnExactFractions() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = data();
        String[][] scores = {
            {"200/3", "140/3"},
            {"40", "30"},
            {"50", "20"},
            {"30", "28"},
            {"44", "22"},
            {"60", "66"},
            {"20", "34"},
            {"36", "30"},
            {"48", "40"},
            {"24", "12"},
            {"56", "48"},
            {"0", "4"}
        };
        for (String[] pair : scores) {
            Patient patient = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 5);
            data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, pair[0]);
            data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 4, 28, "10");
            data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, pair[1]);
        }
        JsonPath body = aggregate(Map.of("instrument", "ODI", "clinicId", clinic.toString(), "followUpWeeks", "12"));

        int n = scores.length;
        double[] baseline = new double[n];
        double[] followUp = new double[n];
        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            baseline[i] = fraction(scores[i][0]);
            followUp[i] = fraction(scores[i][1]);
            change[i] = followUp[i] - baseline[i];
        }
        double changeMean = mean(change);
        double changeSd = sd(change);
        assertThat(body.getString("instrumentVersion")).isEqualTo("2.1a");
        assertThat(body.getBoolean("total.suppressed")).isFalse();
        assertThat(body.getInt("total.patientEpisodes")).isEqualTo(12);
        assertThat(body.getMap("total")).doesNotContainKey("patients");
        assertThat(body.getDouble("total.baseline.mean")).isCloseTo(mean(baseline), within(1e-4));
        assertThat(body.getDouble("total.baseline.sd")).isCloseTo(sd(baseline), within(1e-4));
        assertThat(body.getDouble("total.followUp.mean")).isCloseTo(mean(followUp), within(1e-4));
        assertThat(body.getDouble("total.followUp.sd")).isCloseTo(sd(followUp), within(1e-4));
        assertThat(body.getDouble("total.change.mean")).isCloseTo(changeMean, within(1e-4));
        assertThat(body.getDouble("total.change.sd")).isCloseTo(changeSd, within(1e-4));
        double half = T_975_11 * changeSd / Math.sqrt(n);
        assertThat(body.getDouble("total.change.ciLower")).isCloseTo(changeMean - half, within(2e-4));
        assertThat(body.getDouble("total.change.ciUpper")).isCloseTo(changeMean + half, within(2e-4));
        assertThat(body.getDouble("total.standardizedResponseMean")).isCloseTo(changeMean / changeSd, within(1e-4));
        assertThat(body.getDouble("total.effectSize")).isCloseTo(changeMean / sd(baseline), within(1e-4));

        // each rate counts fewer than k episodes meeting its rule (5, 4, 3, 1 of 12): a small cell, not shown
        assertThat(body.getMap("total"))
                .containsEntry("responderMcid", null)
                .containsEntry("improved30Percent", null)
                .containsEntry("improved50Percent", null)
                .containsEntry("deterioration", null);
        // every dose band is listed; only the one holding the 12 is shown
        assertThat(body.getList("total.doseResponse.sessions"))
                .containsExactly("0", "1-3", "4-6", "7-9", "10-12", "13+");
        assertThat(body.getList("total.doseResponse.findAll { !it.suppressed }.sessions"))
                .containsExactly("4-6");
        assertThat(body.getInt("total.doseResponse[2].patientEpisodes")).isEqualTo(12);
    }

    @Test
    void showsAResponderRateOnlyWhenAtLeastKEpisodesMeetTheRuleAndAtLeastKDoNot() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = data();
        String[][] scores = {
            {"200/3", "140/3"},
            {"40", "30"},
            {"50", "20"},
            {"30", "28"},
            {"44", "22"},
            {"60", "66"},
            {"20", "34"},
            {"36", "30"},
            {"48", "40"},
            {"24", "12"},
            {"56", "48"},
            {"0", "4"}
        };
        for (int copy = 0; copy < 11; copy++) {
            for (String[] pair : scores) {
                Patient patient = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 5);
                data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, pair[0]);
                data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, pair[1]);
            }
        }
        JsonPath body = aggregate(Map.of("instrument", "ODI", "clinicId", clinic.toString(), "followUpWeeks", "12"));
        assertThat(body.getInt("total.patientEpisodes")).isEqualTo(132);
        // improvement >= 10 points: 20, 10, 30, 22, 12 of each 12
        assertRate(body, "total.responderMcid", 55, 132);
        // >= 30 %: 200/3 -> 140/3 is exactly 30 %, plus 60 %, 50 %, 50 %; baseline 0 has no percent (11 undefined)
        assertRate(body, "total.improved30Percent", 44, 121);
        assertRate(body, "total.improved50Percent", 33, 121);
        // 20 -> 34: worse by 14 points and 70 %
        assertRate(body, "total.deterioration", 11, 132);

        // the percent rules are undefined at baseline 0: between 1 and k-1 such episodes are a small cell too, so
        // those rates are hidden, while the absolute rule (defined for all) still shows
        UUID other = UUID.randomUUID();
        for (int copy = 0; copy < 11; copy++) {
            for (String[] pair : scores) {
                if (!pair[0].equals("0")) {
                    Patient patient = data.patient(other, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 5);
                    data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, pair[0]);
                    data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, pair[1]);
                }
            }
        }
        Patient zero = data.patient(other, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 5);
        data.assessment(zero, "ODI", "2.1a", "BASELINE", null, -1, "0");
        data.assessment(zero, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "4");
        JsonPath oneUndefined =
                aggregate(Map.of("instrument", "ODI", "clinicId", other.toString(), "followUpWeeks", "12"));
        assertThat(oneUndefined.getInt("total.patientEpisodes")).isEqualTo(122);
        assertRate(oneUndefined, "total.responderMcid", 55, 122);
        assertThat(oneUndefined.getMap("total"))
                .containsEntry("improved30Percent", null)
                .containsEntry("improved50Percent", null);
    }

    @Test
    void takesTheFirstBaselineElseTheEarliestPreSessionAndNeverAPostSessionAsFollowUp() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = data();
        for (int i = 0; i < 11; i++) {
            Patient withBaseline = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 5);
            data.assessment(withBaseline, "NRS_BACK_PAIN", "1.0", "PRE_SESSION", null, 0, "9");
            data.assessment(withBaseline, "NRS_BACK_PAIN", "1.0", "BASELINE", null, 1, "8");
            data.assessment(withBaseline, "NRS_BACK_PAIN", "1.0", "BASELINE", null, 2, "7");
            data.assessment(withBaseline, "NRS_BACK_PAIN", "1.0", "FOLLOW_UP", 12, 84, "4");
            data.assessment(withBaseline, "NRS_BACK_PAIN", "1.0", "POST_SESSION", null, 90, "0");
            Patient preSessionOnly = data.patient(clinic, "MALE", "40-49", "LOW_BACK", "CHRONIC", 5);
            data.assessment(preSessionOnly, "NRS_BACK_PAIN", "1.0", "PRE_SESSION", null, 3, "5");
            data.assessment(preSessionOnly, "NRS_BACK_PAIN", "1.0", "PRE_SESSION", null, 6, "6");
            data.assessment(preSessionOnly, "NRS_BACK_PAIN", "1.0", "AD_HOC", null, 40, "2");
        }
        JsonPath body =
                aggregate(Map.of("instrument", "NRS_BACK_PAIN", "clinicId", clinic.toString(), "groupBy", "SEX"));
        assertThat(body.getList("groups.group.sex"))
                .containsExactly("FEMALE", "MALE", "OTHER", "UNKNOWN", "NOT_RECORDED");
        // first BASELINE (8, not the earlier PRE_SESSION 9); latest non-POST_SESSION follow-up (4, not the post-session
        // 0)
        assertThat(body.getList("groups.collect { it.baseline?.mean }", Float.class))
                .containsExactly(8.0f, 5.0f, null, null, null);
        assertThat(body.getList("groups.collect { it.followUp?.mean }", Float.class))
                .containsExactly(4.0f, 2.0f, null, null, null);
        assertThat(body.getList("groups.collect { it.change?.mean }", Float.class))
                .containsExactly(-4.0f, -3.0f, null, null, null);
    }

    @Test
    void filtersByEveryCohortAttributeSessionsTimepointAndDates() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = data();
        for (int i = 0; i < 11; i++) {
            Patient chronic = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK,SCIATICA_LEFT", "CHRONIC", 8);
            Patient acute = data.patient(clinic, "MALE", "60-69", "LOW_BACK", "ACUTE", 2);
            for (Patient patient : List.of(chronic, acute)) {
                data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, "40");
                data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 4, 28, "30");
                data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "20");
            }
        }
        String id = clinic.toString();
        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id)).getInt("total.patientEpisodes"))
                .isEqualTo(22);
        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id, "chronicity", "CHRONIC"))
                        .getInt("total.patientEpisodes"))
                .isEqualTo(11);
        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id, "painSite", "SCIATICA_LEFT"))
                        .getInt("total.patientEpisodes"))
                .isEqualTo(11);
        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id, "sex", "MALE"))
                        .getInt("total.patientEpisodes"))
                .isEqualTo(11);
        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id, "ageBand", "40-49"))
                        .getInt("total.patientEpisodes"))
                .isEqualTo(11);
        JsonPath dosed = aggregate(Map.of("instrument", "ODI", "clinicId", id, "minSessions", "7"));
        assertThat(dosed.getInt("total.patientEpisodes")).isEqualTo(11);
        assertThat(dosed.getList("total.doseResponse.findAll { !it.suppressed }.sessions"))
                .containsExactly("7-9");

        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id)).getDouble("total.followUp.mean"))
                .isEqualTo(20.0);
        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id, "followUpWeeks", "4"))
                        .getDouble("total.followUp.mean"))
                .isEqualTo(30.0);
        // answers after the 30th day do not count: the latest follow-up left is the 4-week one
        String until = ResearchData.START
                .plusDays(30)
                .atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC)
                .toString();
        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id, "to", until))
                        .getDouble("total.followUp.mean"))
                .isEqualTo(30.0);
        assertThat(aggregate(Map.of("instrument", "ODI", "clinicId", id, "from", until))
                        .getBoolean("total.suppressed"))
                .isTrue();
        assertThat(aggregate(Map.of("instrument", "NRS_BACK_PAIN", "clinicId", id))
                        .getBoolean("total.suppressed"))
                .isTrue();
    }

    @Test
    void groupsByOneOrSeveralDimensionsWithDoseResponsePerGroup() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = data();
        for (int i = 0; i < 11; i++) {
            Patient chronic = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 8);
            Patient acute = data.patient(clinic, "MALE", "60-69", "LOW_BACK", "NOT_CHRONIC", 2);
            data.assessment(chronic, "ODI", "2.1a", "BASELINE", null, -1, "40");
            data.assessment(chronic, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "20");
            data.assessment(acute, "ODI", "2.1a", "BASELINE", null, -1, "40");
            data.assessment(acute, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "36");
        }
        JsonPath byChronicity =
                aggregate(Map.of("instrument", "ODI", "clinicId", clinic.toString(), "groupBy", "CHRONICITY"));
        assertThat(byChronicity.getList("groupBy")).containsExactly("chronicity");
        assertThat(byChronicity.getList("groups.group.chronicity"))
                .containsExactly("CHRONIC", "NOT_CHRONIC", "NOT_RECORDED");
        assertThat(byChronicity.getList("groups.patientEpisodes")).containsExactly(11, 11, null);
        assertThat(byChronicity.getList("groups.collect { it.change?.mean }", Float.class))
                .containsExactly(-20.0f, -4.0f, null);
        assertThat(byChronicity.getList("groups[0].doseResponse.findAll { !it.suppressed }.sessions"))
                .containsExactly("7-9");
        assertThat(byChronicity.getList("groups[1].doseResponse.findAll { !it.suppressed }.sessions"))
                .containsExactly("1-3");
        assertThat(byChronicity.getList("total.doseResponse.findAll { !it.suppressed }.sessions"))
                .containsExactly("1-3", "7-9");
        // nothing non-empty is hidden: every cell holds 0, 11 or 22 patients
        assertThat(byChronicity.getList("groups.suppressed")).containsExactly(false, false, true);

        JsonPath twoWay = researcher()
                .queryParam("instrument", "ODI")
                .queryParam("clinicId", clinic.toString())
                .queryParam("groupBy", "SEX")
                .queryParam("groupBy", "AGE_BAND")
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(twoWay.getList("groupBy")).containsExactly("sex", "ageBand");
        // every sex by every age band, empty or not (5 x 9), sex varying slowest
        assertThat(twoWay.getList("groups")).hasSize(45);
        assertThat(twoWay.getMap("groups[0].group")).isEqualTo(Map.of("sex", "FEMALE", "ageBand", "0-17"));
        assertThat(twoWay.getList("groups.findAll { !it.suppressed }.group"))
                .containsExactly(
                        Map.of("sex", "FEMALE", "ageBand", "40-49"), Map.of("sex", "MALE", "ageBand", "60-69"));
    }

    @Test
    void suppressesSmallCellsAndTheNextSmallestSiblingSoNoneCanBeDerived() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = data();
        Map<String, Integer> sizes = Map.of("FEMALE", 12, "MALE", 11, "OTHER", 3);
        sizes.forEach((sex, size) -> {
            for (int i = 0; i < size; i++) {
                Patient patient = data.patient(clinic, sex, "40-49", "LOW_BACK", "CHRONIC", 5);
                data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, "40");
                data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "30");
            }
        });
        JsonPath body = aggregate(Map.of("instrument", "ODI", "clinicId", clinic.toString(), "groupBy", "SEX"));
        assertThat(body.getInt("minCellSize")).isEqualTo(11);
        assertThat(body.getInt("total.patientEpisodes")).isEqualTo(26);
        assertThat(body.getList("groups.group.sex"))
                .containsExactly("FEMALE", "MALE", "OTHER", "UNKNOWN", "NOT_RECORDED");
        // OTHER (3) is small; with FEMALE and MALE shown, OTHER, UNKNOWN and NOT_RECORDED would hold 3 between them,
        // so OTHER could not hold k: MALE, the smallest that lets it, is hidden too. The empty ones are hidden as well.
        assertThat(body.getList("groups.suppressed")).containsExactly(false, true, true, true, true);
        // a suppressed cell shows no statistic at all, nor why it is hidden (a reason would bound it: < k or >= k)
        for (int group = 1; group < 5; group++) {
            assertThat(body.getMap("groups[" + group + "]"))
                    .containsEntry("patientEpisodes", null)
                    .containsEntry("change", null)
                    .containsEntry("responderMcid", null)
                    .containsEntry("baseline", null)
                    .doesNotContainKeys("reason", "patients");
        }
        assertThat(body.getMap("")).doesNotContainKey("suppressedCells");
        // every group lists all six dose bands; those of hidden groups are hidden, the shown group shows its band of 12
        assertThat(body.getList("groups[0].doseResponse.suppressed"))
                .containsExactly(true, true, false, true, true, true);
        for (int group = 1; group < 5; group++) {
            assertThat(body.getList("groups[" + group + "].doseResponse.suppressed"))
                    .containsOnly(true)
                    .hasSize(6);
        }
    }

    @Test
    void reportsTheMarginsOfAMultiWayTableAndProtectsCellsAgainstThem() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = data();
        // FEMALE 40-49: 12, FEMALE 60-69: 3, MALE 40-49: 12, MALE 60-69: 12
        Map<List<String>, Integer> sizes = Map.of(
                List.of("FEMALE", "40-49"),
                12,
                List.of("FEMALE", "60-69"),
                3,
                List.of("MALE", "40-49"),
                12,
                List.of("MALE", "60-69"),
                12);
        sizes.forEach((cell, size) -> {
            for (int i = 0; i < size; i++) {
                Patient patient = data.patient(clinic, cell.get(0), cell.get(1), "LOW_BACK", "CHRONIC", 5);
                data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, "40");
                data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "30");
            }
        });
        // Grouped by sex alone, FEMALE (15) is shown...
        JsonPath bySex = aggregate(Map.of("instrument", "ODI", "clinicId", clinic.toString(), "groupBy", "SEX"));
        assertThat(bySex.getList("groups.patientEpisodes")).containsExactly(15, 24, null, null, null);

        JsonPath twoWay =
                aggregate(Map.of("instrument", "ODI", "clinicId", clinic.toString(), "groupBy", "SEX,AGE_BAND"));
        List<Map<String, String>> margins = new java.util.ArrayList<>();
        for (String sex : List.of("FEMALE", "MALE", "OTHER", "UNKNOWN", "NOT_RECORDED")) {
            margins.add(Map.of("sex", sex));
        }
        for (String ageBand :
                List.of("0-17", "18-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80+", "NOT_RECORDED")) {
            margins.add(Map.of("ageBand", ageBand));
        }
        assertThat(twoWay.getList("subtotals.group")).containsExactlyElementsOf(margins);
        // the margins are exactly what the coarser tables show: each sex as grouped by sex, each age band as by age
        // band
        assertThat(twoWay.getList("subtotals.patientEpisodes"))
                .containsExactly(15, 24, null, null, null, null, null, null, 24, null, 15, null, null, null);
        assertThat(twoWay.getList("subtotals[0].doseResponse.findAll { !it.suppressed }.sessions"))
                .containsExactly("4-6");
        // ...so FEMALE 40-49 must be hidden too, or FEMALE 60-69 would be 15 - 12; and so on round the table
        List<Map<String, String>> corners = List.of(
                Map.of("sex", "FEMALE", "ageBand", "40-49"),
                Map.of("sex", "FEMALE", "ageBand", "60-69"),
                Map.of("sex", "MALE", "ageBand", "40-49"),
                Map.of("sex", "MALE", "ageBand", "60-69"));
        for (Map<String, String> corner : corners) {
            assertThat(twoWay.getList("groups.findAll { it.group == [sex: '" + corner.get("sex") + "', ageBand: '"
                            + corner.get("ageBand") + "'] }.suppressed"))
                    .as("%s", corner)
                    .containsExactly(true);
        }
        assertThat(twoWay.getList("groups.findAll { !it.suppressed }")).isEmpty();
    }

    @Test
    void stopsCountingAPatientAsSoonAsResearchConsentIsWithdrawn() {
        UUID clinic = UUID.randomUUID();
        ResearchData data = data();
        Patient first = null;
        for (int i = 0; i < 11; i++) {
            Patient patient = data.patient(clinic, "FEMALE", "40-49", "LOW_BACK", "CHRONIC", 5);
            data.assessment(patient, "ODI", "2.1a", "BASELINE", null, -1, "40");
            data.assessment(patient, "ODI", "2.1a", "FOLLOW_UP", 12, 84, "30");
            first = first == null ? patient : first;
        }
        Map<String, String> query = Map.of("instrument", "ODI", "clinicId", clinic.toString());
        assertThat(aggregate(query).getInt("total.patientEpisodes")).isEqualTo(11);

        data.withdrawConsent(first);

        JsonPath after = aggregate(query);
        assertThat(after.getBoolean("total.suppressed")).isTrue();
        assertThat(after.getMap("total")).containsEntry("patientEpisodes", null);
    }

    @Test
    void answers401WithoutATokenAnd403ToEveryOtherRole() {
        given().queryParam("instrument", "ODI")
                .get(PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        UUID clinic = UUID.randomUUID();
        for (String token : List.of(
                TestTokens.practitioner(clinic),
                TestTokens.clinicAdmin(clinic),
                TestTokens.admin(),
                TestTokens.pseudonymousPatient(clinic, UUID.randomUUID()))) {
            given().auth()
                    .oauth2(token)
                    .queryParam("instrument", "ODI")
                    .get(PATH)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(token)
                    .queryParam("project", "p")
                    .get("/api/v1/outcomes/research/exports/assessments")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().queryParam("project", "p")
                .get("/api/v1/outcomes/research/exports/assessments")
                .then()
                .statusCode(401);
        // row-level exports need the data-use role: a researcher alone is refused them
        given().auth()
                .oauth2(TestTokens.researcher())
                .queryParam("project", "p")
                .get("/api/v1/outcomes/research/exports/assessments")
                .then()
                .statusCode(403);
    }

    @Test
    void rejectsBadQueriesAs400Problems() {
        researcher()
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("instrument"));
        researcher()
                .queryParam("instrument", "ODI")
                .queryParam("groupBy", "NAME")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"));
        researcher()
                .queryParam("instrument", "PGIC")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("instrument"));
        researcher()
                .queryParam("instrument", "ODI")
                .queryParam("clinicId", "x")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("clinicId"));
        researcher()
                .queryParam("instrument", "ODI")
                .queryParam("from", "yesterday")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        researcher()
                .queryParam("instrument", "ODI")
                .queryParam("minSessions", "many")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("minSessions"));
        // every group of every dimension is listed, so a cross-classification can get too large to audit
        researcher()
                .queryParam("instrument", "ODI")
                .queryParam("groupBy", "CLINIC,SEX,AGE_BAND,CHRONICITY")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("at most 2500"));
    }

    /** The document bounds these lists (maxItems); a longer one, repeated or comma-separated, is refused. */
    @Test
    void refusesMoreClinicIdsOrGroupByDimensionsThanTheDocumentAllows() {
        researcher()
                .queryParam("instrument", "ODI")
                .queryParam("groupBy", "SEX,SEX,SEX,SEX,SEX,SEX")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("groupBy"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("at most 5"));
        var request = researcher().queryParam("instrument", "ODI");
        for (int i = 0; i < 51; i++) {
            request = request.queryParam("clinicId", UUID.randomUUID().toString());
        }
        request.get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("clinicId"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("at most 50"));
        researcher()
                .queryParam("instrument", "ODI")
                .queryParam("instrumentVersion", " ".repeat(10) + "2.1a" + " ".repeat(60))
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("instrumentVersion"));
    }

    private static void assertRate(JsonPath body, String path, int events, int n) {
        double p = (double) events / n;
        double z = 1.959963984540054;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        assertThat(body.getInt(path + ".n")).as(path + ".n").isEqualTo(n);
        assertThat(body.getDouble(path + ".rate")).as(path + ".rate").isCloseTo(p, within(1e-4));
        assertThat(body.getDouble(path + ".ciLower")).as(path + ".ciLower").isCloseTo(centre - half, within(1e-4));
        assertThat(body.getDouble(path + ".ciUpper")).as(path + ".ciUpper").isCloseTo(centre + half, within(1e-4));
    }

    private static double fraction(String exact) {
        String[] parts = exact.split("/");
        return parts.length == 1
                ? Double.parseDouble(parts[0])
                : Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
