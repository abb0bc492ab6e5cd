package org.meridian.outcomes.research;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.DisclosureAttacker.Range;
import org.meridian.outcomes.research.ResearchData.Patient;
import org.meridian.platform.test.security.TestTokens;

/**
 * The outside audit's case (issue #13): a clinic of 33 patients by sex and age band, where OTHER (3 patients) was
 * suppressed and yet recoverable exactly from what the response gave away besides its sums (which cells and dose
 * bands it listed, and that a complementary cell holds at least k). Every non-empty cell under k must stay
 * consistent with being empty and with holding k or more, whatever an attacker combines.
 */
@QuarkusTest
class ResearchAggregateDisclosureTest {

    private static final String PATH = "/api/v1/outcomes/research/aggregates";
    private static final int K = 11;

    @Inject
    AgroalDataSource dataSource;

    /** One patient-episode of the test clinic: its sex, age band and sessions held. */
    private record Member(String sex, String ageBand, int sessions) {}

    @Test
    void noSmallCellOfTheAuditedClinicCanBeNarrowedByWhatTheResponseReveals() {
        UUID clinic = UUID.randomUUID();
        List<Member> members = new ArrayList<>();
        add(members, 11, "FEMALE", "40-49", 5);
        add(members, 8, "FEMALE", "50-59", 5);
        add(members, 6, "MALE", "40-49", 5);
        add(members, 5, "MALE", "60-69", 5);
        add(members, 1, "OTHER", "30-39", 2);
        add(members, 1, "OTHER", "50-59", 5);
        add(members, 1, "OTHER", "70-79", 8);
        ResearchData data = new ResearchData(dataSource, Instant.now());
        for (Member member : members) {
            Patient patient =
                    data.patient(clinic, member.sex(), member.ageBand(), "LOW_BACK", "CHRONIC", member.sessions());
            data.assessment(patient, "NRS_BACK_PAIN", "1.0", "BASELINE", null, -1, "7");
            data.assessment(patient, "NRS_BACK_PAIN", "1.0", "FOLLOW_UP", 12, 84, "4");
        }

        Map<String, Object> response = given().auth()
                .oauth2(TestTokens.researcher())
                .queryParam("instrument", "NRS_BACK_PAIN")
                .queryParam("clinicId", clinic.toString())
                .queryParam("groupBy", "SEX")
                .queryParam("groupBy", "AGE_BAND")
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        DisclosureAttacker attacker = new DisclosureAttacker(response, List.of());

        // the audit's inference: OTHER = 33 - 19 - (MALE >= 11) <= 3, and >= 3 listed age bands of >= 1 each
        Range other = attacker.range(DisclosureAttacker.group("sex", "OTHER"), null);
        assertThat(other.min()).as("OTHER's lower bound").isLessThanOrEqualTo(0.0);
        assertThat(other.max()).as("OTHER's upper bound").isGreaterThanOrEqualTo(K);

        for (Map.Entry<Map<String, String>, String> cell : attacker.allCells()) {
            long truth = members.stream()
                    .filter(member -> matches(member, cell.getKey(), cell.getValue()))
                    .count();
            if (truth > 0 && truth < K) {
                Range range = attacker.range(cell.getKey(), cell.getValue());
                assertThat(range.min())
                        .as("lower bound of %s sessions=%s (%d patients)", cell.getKey(), cell.getValue(), truth)
                        .isLessThanOrEqualTo(0.0);
                assertThat(range.max())
                        .as("upper bound of %s sessions=%s (%d patients)", cell.getKey(), cell.getValue(), truth)
                        .isGreaterThanOrEqualTo(K);
            }
        }
    }

    private static void add(List<Member> members, int count, String sex, String ageBand, int sessions) {
        for (int i = 0; i < count; i++) {
            members.add(new Member(sex, ageBand, sessions));
        }
    }

    private static boolean matches(Member member, Map<String, String> group, String band) {
        if (group.containsKey("sex") && !group.get("sex").equals(member.sex())) {
            return false;
        }
        if (group.containsKey("ageBand") && !group.get("ageBand").equals(member.ageBand())) {
            return false;
        }
        return band.isEmpty() || band.equals(bandOf(member.sessions()));
    }

    private static String bandOf(int sessions) {
        return sessions == 0
                ? "0"
                : sessions <= 3
                        ? "1-3"
                        : sessions <= 6 ? "4-6" : sessions <= 9 ? "7-9" : sessions <= 12 ? "10-12" : "13+";
    }
}
