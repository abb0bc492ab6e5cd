package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.score;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.result.PegDetails;

class PegScoringTest {

    @Test
    void scoresTheMeanKeepingTheFraction() {
        Score score = score("PEG", answers("peg_pain", 5, "peg_enjoyment", 3, "peg_general_activity", 3));

        assertThat(score.exactValue()).isEqualTo(Rational.of(11, 3));
        assertThat(score.value()).hasToString("3.66666666666666666667");
        assertThat(score.roundedValue()).hasToString("3.6667");
        assertThat(score.details()).isEqualTo(new PegDetails(11, new BigDecimal("3.66666666666666666667")));
    }

    @Test
    void scoresAWholeMeanExactly() {
        Score score = score("PEG", answers("peg_pain", 6, "peg_enjoyment", 4, "peg_general_activity", 5));

        assertThat(score.value()).hasToString("5");
    }

    @Test
    void rejectsTwoOfThreeItems() {
        Rejection rejection = rejected(ENGINE.score(
                instrument("PEG"), answers("peg_pain", 6, "peg_enjoyment", 4, "peg_general_activity", null)));

        assertThat(rejection.problems()).extracting(ItemProblem::itemCode).containsExactly("peg_general_activity");
        assertThat(rejection.problems().getFirst().message()).contains("all 3 items");
    }
}
