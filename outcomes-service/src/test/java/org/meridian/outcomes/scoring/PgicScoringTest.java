package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.score;

import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.result.PgicCategory;
import org.meridian.outcomes.scoring.result.PgicDetails;

class PgicScoringTest {

    @Test
    void muchImprovedCountsAsImproved() {
        Score score = score("PGIC", answers("pgic", 2));

        assertThat(score.value()).isEqualByComparingTo("2");
        assertThat(score.details()).isEqualTo(new PgicDetails(2, PgicCategory.MUCH_IMPROVED, true));
    }

    @Test
    void minimallyImprovedDoesNotCountAsImproved() {
        assertThat(score("PGIC", answers("pgic", 3)).details())
                .isEqualTo(new PgicDetails(3, PgicCategory.MINIMALLY_IMPROVED, false));
    }

    @Test
    void veryMuchWorseIsCodeSeven() {
        assertThat(score("PGIC", answers("pgic", 7)).details())
                .isEqualTo(new PgicDetails(7, PgicCategory.VERY_MUCH_WORSE, false));
    }

    @Test
    void rejectsCodesOutsideOneToSeven() {
        assertThat(rejected(ENGINE.score(instrument("PGIC"), answers("pgic", 0)))
                        .problems())
                .extracting(ItemProblem::type)
                .containsExactly(ItemProblem.Type.INVALID_VALUE);
        assertThat(rejected(ENGINE.score(instrument("PGIC"), answers("pgic", 8)))
                        .problems())
                .extracting(ItemProblem::type)
                .containsExactly(ItemProblem.Type.INVALID_VALUE);
    }
}
