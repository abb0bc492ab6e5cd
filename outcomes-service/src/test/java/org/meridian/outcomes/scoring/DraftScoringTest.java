package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.scored;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

class DraftScoringTest {

    private final InstrumentDefinition peg = instrument("PEG");

    @Test
    void leavesAnIncompleteDraftUnscoredListingWhatIsMissing() {
        ScoringOutcome outcome = ENGINE.scoreDraft(peg, answers("peg_pain", 4, "peg_enjoyment", null));

        assertThat(outcome)
                .isEqualTo(new IncompleteDraft(
                        "PEG",
                        "1.0",
                        "peg-mean-all-items-required",
                        List.of("peg_pain"),
                        List.of("peg_enjoyment", "peg_general_activity")));
    }

    @Test
    void acceptsAnEmptyDraft() {
        assertThat(ENGINE.scoreDraft(peg, answers()))
                .isInstanceOfSatisfying(
                        IncompleteDraft.class,
                        draft -> assertThat(draft.itemsMissing()).hasSize(3));
    }

    @Test
    void stillRejectsInvalidAnswersInADraft() {
        Rejection rejection = rejected(ENGINE.scoreDraft(peg, answers("peg_pain", 11, "peg_mood", 2)));

        assertThat(rejection.problems())
                .extracting(ItemProblem::itemCode, ItemProblem::type)
                .containsExactly(
                        tuple("peg_pain", ItemProblem.Type.INVALID_VALUE),
                        tuple("peg_mood", ItemProblem.Type.UNKNOWN_ITEM));
    }

    @Test
    void scoresADraftThatAlreadyMeetsThePolicy() {
        Score score =
                scored(ENGINE.scoreDraft(peg, answers("peg_pain", 4, "peg_enjoyment", 4, "peg_general_activity", 4)));

        assertThat(score.value()).isEqualByComparingTo("4");
    }

    @Test
    void theSameIncompleteAnswersAreRejectedOutsideDraftMode() {
        assertThat(ENGINE.score(peg, answers("peg_pain", 4))).isInstanceOf(Rejection.class);
    }
}
