package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.scored;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.result.StartBackDetails;
import org.meridian.outcomes.scoring.result.StartBackRisk;

class StartBackScoringTest {

    private final InstrumentDefinition startBack = instrument("STARTBACK");

    @Test
    void addsAgreeItemsAndDichotomisedBothersomeness() {
        Score score = scored(ENGINE.score(startBack, items(1, 1, 0, 0, 1, 0, 1, 0, 3)));

        assertThat(score.value()).isEqualByComparingTo("5");
        assertThat(score.details()).isEqualTo(new StartBackDetails(5, 3, StartBackRisk.MEDIUM));
    }

    @ParameterizedTest(name = "bothersomeness {0} counts {1}")
    @CsvSource({"0, 0", "1, 0", "2, 0", "3, 1", "4, 1"})
    void countsBothersomenessOnlyWhenVeryMuchOrExtremely(int bothersomeness, int counted) {
        StartBackDetails details = details(items(0, 0, 0, 0, 0, 0, 0, 0, bothersomeness));

        assertThat(details.total()).isEqualTo(counted);
        assertThat(details.subscales().psychosocial()).isEqualTo(counted);
    }

    @Test
    void countsOnlyItemsFiveToEightInTheSubscale() {
        StartBackDetails details = details(items(1, 1, 1, 1, 0, 0, 0, 0, 2));

        assertThat(details.total()).isEqualTo(4);
        assertThat(details.subscales().psychosocial()).isZero();
        assertThat(details.category()).isEqualTo(StartBackRisk.MEDIUM);
    }

    @Test
    void totalThreeIsLowRiskEvenWithTheSubscaleItemsPositive() {
        StartBackDetails details = details(items(0, 0, 0, 0, 1, 1, 0, 0, 4));

        assertThat(details).isEqualTo(new StartBackDetails(3, 3, StartBackRisk.LOW));
    }

    @Test
    void totalFourWithSubscaleFourIsHighRisk() {
        StartBackDetails details = details(items(0, 0, 0, 0, 1, 1, 1, 0, 3));

        assertThat(details).isEqualTo(new StartBackDetails(4, 4, StartBackRisk.HIGH));
    }

    @Test
    void scoresTheMaximum() {
        assertThat(details(items(1, 1, 1, 1, 1, 1, 1, 1, 4))).isEqualTo(new StartBackDetails(9, 5, StartBackRisk.HIGH));
    }

    @Test
    void rejectsAnyMissingItem() {
        Map<String, Object> answers = items(1, 1, 1, 1, 1, 1, 1, 1, 4);
        answers.remove("sbt_09_bothersomeness");

        assertThat(rejected(ENGINE.score(startBack, answers)).problems())
                .extracting(ItemProblem::itemCode)
                .containsExactly("sbt_09_bothersomeness");
    }

    @Test
    void rejectsBothersomenessAboveFour() {
        assertThat(rejected(ENGINE.score(startBack, items(0, 0, 0, 0, 0, 0, 0, 0, 5)))
                        .problems())
                .extracting(ItemProblem::type)
                .containsExactly(ItemProblem.Type.INVALID_VALUE);
    }

    private StartBackDetails details(Map<String, Object> answers) {
        return (StartBackDetails) scored(ENGINE.score(startBack, answers)).details();
    }

    private Map<String, Object> items(int... values) {
        List<String> codes = startBack.itemCodes();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int index = 0; index < codes.size(); index++) {
            answers.put(codes.get(index), values[index]);
        }
        return answers;
    }
}
