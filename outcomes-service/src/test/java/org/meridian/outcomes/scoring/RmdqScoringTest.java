package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.allAnswered;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.scored;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.result.RmdqDetails;

class RmdqScoringTest {

    private final InstrumentDefinition rmdq = instrument("RMDQ");

    @Test
    void countsTheYesAnswers() {
        Map<String, Object> answers = allAnswered(rmdq, 0);
        answers.put("rmdq_01", 1);
        answers.put("rmdq_07", 1);
        answers.put("rmdq_24", 1);

        Score score = scored(ENGINE.score(rmdq, answers));

        assertThat(score.value()).isEqualByComparingTo("3");
        assertThat(score.details()).isEqualTo(new RmdqDetails(3));
        assertThat(score.policyId()).isEqualTo("rmdq-count-yes-all-items-required");
    }

    @Test
    void scoresTheEndsOfTheScale() {
        assertThat(scored(ENGINE.score(rmdq, allAnswered(rmdq, 0))).value()).isEqualByComparingTo("0");
        assertThat(scored(ENGINE.score(rmdq, allAnswered(rmdq, 1))).value()).isEqualByComparingTo("24");
    }

    @Test
    void rejectsASingleUnansweredStatement() {
        Map<String, Object> answers = allAnswered(rmdq, 0);
        answers.put("rmdq_13", null);

        assertThat(rejected(ENGINE.score(rmdq, answers)).problems())
                .extracting(ItemProblem::itemCode)
                .containsExactly("rmdq_13");
    }

    @Test
    void rejectsAnAnswerOtherThanZeroOrOne() {
        Map<String, Object> answers = allAnswered(rmdq, 0);
        answers.put("rmdq_02", 2);

        assertThat(rejected(ENGINE.score(rmdq, answers)).problems())
                .extracting(ItemProblem::type)
                .containsExactly(ItemProblem.Type.INVALID_VALUE);
    }
}
