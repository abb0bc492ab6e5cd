package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.score;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.instrument.ChangeRules;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.RecallPeriod;
import org.meridian.outcomes.scoring.instrument.ScoreDirection;
import org.meridian.outcomes.scoring.result.VasDetails;

class VasScoringTest {

    private static final String VAS = "VAS_PAIN";
    private static final String ITEM = "pain_vas_0_100";

    @Test
    void isVersionOneOfItsOwnInstrumentWithOneItemAndHigherIsWorse() {
        InstrumentDefinition vas = instrument(VAS);

        assertThat(vas.version()).isEqualTo("1.0");
        assertThat(vas.itemCodes()).containsExactly(ITEM);
        assertThat(vas.direction()).isEqualTo(ScoreDirection.HIGHER_IS_WORSE);
        assertThat(vas.recallPeriods()).containsExactly(RecallPeriod.PAST_WEEK, RecallPeriod.RIGHT_NOW);
        assertThat(vas.loincCodes()).isEmpty();
        assertThat(vas.changeRules())
                .isEqualTo(new ChangeRules.Mcid(java.util.Optional.of(new BigDecimal("15")), true));
    }

    @Test
    void scoresTheMarkItself() {
        Score score = score(VAS, answers(ITEM, 50));

        assertThat(score.value()).isEqualByComparingTo("50");
        assertThat(score.details()).isEqualTo(new VasDetails(50));
        assertThat(score.itemsUsed()).containsExactly(ITEM);
        assertThat(score.policyId()).isEqualTo("vas-0-100-single-item-required");
    }

    @Test
    void scoresBothEndsOfTheLine() {
        assertThat(score(VAS, answers(ITEM, 0)).value()).isEqualByComparingTo("0");
        assertThat(score(VAS, answers(ITEM, 100)).value()).isEqualByComparingTo("100");
    }

    @Test
    void acceptsAWholeNumberWrittenWithAZeroFraction() {
        assertThat(score(VAS, answers(ITEM, new BigDecimal("73.0"))).value()).isEqualByComparingTo("73");
    }

    @Test
    void rejectsMarksOffTheLineFractionsAndNonNumbersAsInvalid() {
        for (Object invalid : new Object[] {101, -1, new BigDecimal("50.5"), 50.5d, "x", "50", true}) {
            ItemProblem problem = onlyProblem(answers(ITEM, invalid));

            assertThat(problem.itemCode()).as(String.valueOf(invalid)).isEqualTo(ITEM);
            assertThat(problem.type()).as(String.valueOf(invalid)).isEqualTo(ItemProblem.Type.INVALID_VALUE);
            assertThat(problem.message()).as(String.valueOf(invalid)).contains("0..100");
        }
    }

    @Test
    void rejectsAMissingMark() {
        assertThat(onlyProblem(answers(ITEM, null)).type()).isEqualTo(ItemProblem.Type.MISSING);
        assertThat(onlyProblem(answers()).type()).isEqualTo(ItemProblem.Type.MISSING);
    }

    @Test
    void neverTakesAnNrsRating() {
        Rejection rejection = rejected(ENGINE.score(instrument(VAS), answers("back_pain_nrs", 7)));

        assertThat(rejection.problems())
                .extracting(ItemProblem::itemCode)
                .containsExactlyInAnyOrder("back_pain_nrs", ITEM);
    }

    private static ItemProblem onlyProblem(Map<String, Object> answers) {
        Rejection rejection = rejected(ENGINE.score(instrument(VAS), answers));
        assertThat(rejection.problems()).hasSize(1);
        return rejection.problems().getFirst();
    }
}
