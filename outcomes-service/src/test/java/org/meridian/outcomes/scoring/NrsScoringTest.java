package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.score;

import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.result.NrsDetails;

class NrsScoringTest {

    @Test
    void scoresBackPainAsTheRatingGiven() {
        Score score = score("NRS_BACK_PAIN", answers("back_pain_nrs", 7));

        assertThat(score.value()).isEqualByComparingTo("7");
        assertThat(score.details()).isEqualTo(new NrsDetails(7));
        assertThat(score.itemsUsed()).containsExactly("back_pain_nrs");
        assertThat(score.policyId()).isEqualTo("nrs-single-item-required");
    }

    @Test
    void scoresTheEndsOfTheScale() {
        assertThat(score("NRS_LEG_PAIN", answers("leg_pain_nrs", 0)).value()).isEqualByComparingTo("0");
        assertThat(score("NRS_LEG_PAIN", answers("leg_pain_nrs", 10)).value()).isEqualByComparingTo("10");
    }

    @Test
    void keepsBackAndLegPainApart() {
        Rejection rejection = rejected(ENGINE.score(instrument("NRS_BACK_PAIN"), answers("leg_pain_nrs", 4)));

        assertThat(rejection.problems())
                .extracting(ItemProblem::itemCode)
                .containsExactly("leg_pain_nrs", "back_pain_nrs");
    }

    @Test
    void rejectsAnUnansweredRating() {
        assertThat(rejected(ENGINE.score(instrument("NRS_BACK_PAIN"), answers("back_pain_nrs", null)))
                        .problems())
                .extracting(ItemProblem::type)
                .containsExactly(ItemProblem.Type.MISSING);
    }
}
