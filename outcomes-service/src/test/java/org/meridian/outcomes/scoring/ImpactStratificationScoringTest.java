package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.scored;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.result.IssDetails;
import org.meridian.outcomes.scoring.result.IssGroup;

class ImpactStratificationScoringTest {

    private final InstrumentDefinition iss = instrument("NIH_ISS");

    @Test
    void reverseScoresPhysicalFunctionAndAddsPainInterferenceAndIntensity() {
        Map<String, Object> answers = answers(
                "PFA11",
                5,
                "PFA21",
                4,
                "PFA23",
                2,
                "PFA53",
                1,
                "PAININ9",
                3,
                "PAININ22",
                2,
                "PAININ31",
                4,
                "PAININ34",
                1,
                "pain_intensity_0_10",
                6);

        Score score = scored(ENGINE.score(iss, answers));

        // (6-5) + (6-4) + (6-2) + (6-1) = 12; 3+2+4+1 = 10; + 6
        assertThat(score.value()).isEqualByComparingTo("28");
        assertThat(score.details()).isEqualTo(new IssDetails(28, 12, 10, 6, IssGroup.MODERATE));
    }

    @Test
    void bestAnswersGiveTheMinimumOfEight() {
        assertThat(details(5, 1, 0)).isEqualTo(new IssDetails(8, 4, 4, 0, IssGroup.MILD));
    }

    @Test
    void worstAnswersGiveTheMaximumOfFifty() {
        assertThat(details(1, 5, 10)).isEqualTo(new IssDetails(50, 20, 20, 10, IssGroup.SEVERE));
    }

    @ParameterizedTest(name = "PF {0}, PI {1}, pain {2} -> {3} {4}")
    @CsvSource({"3, 3, 3, 27, MILD", "3, 3, 4, 28, MODERATE", "2, 3, 6, 34, MODERATE", "2, 3, 7, 35, SEVERE"})
    void groupsTotalsAtTheProvisionalBoundaries(
            int physicalFunction, int painInterference, int painIntensity, int total, IssGroup group) {
        IssDetails details = details(physicalFunction, painInterference, painIntensity);

        assertThat(details.total()).isEqualTo(total);
        assertThat(details.category()).isEqualTo(group);
    }

    @Test
    void rejectsAMissingPhysicalFunctionItem() {
        Map<String, Object> answers = answers(
                "PFA11",
                5,
                "PFA21",
                4,
                "PFA23",
                2,
                "PAININ9",
                3,
                "PAININ22",
                2,
                "PAININ31",
                4,
                "PAININ34",
                1,
                "pain_intensity_0_10",
                6);

        assertThat(rejected(ENGINE.score(iss, answers)).problems())
                .extracting(ItemProblem::itemCode)
                .containsExactly("PFA53");
    }

    private IssDetails details(int physicalFunction, int painInterference, int painIntensity) {
        Map<String, Object> answers = answers(
                "PFA11",
                physicalFunction,
                "PFA21",
                physicalFunction,
                "PFA23",
                physicalFunction,
                "PFA53",
                physicalFunction,
                "PAININ9",
                painInterference,
                "PAININ22",
                painInterference,
                "PAININ31",
                painInterference,
                "PAININ34",
                painInterference,
                "pain_intensity_0_10",
                painIntensity);
        return (IssDetails) scored(ENGINE.score(iss, answers)).details();
    }
}
