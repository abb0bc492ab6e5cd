package org.meridian.outcomes.domain.visit12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.domain.visit12.Visit12Rules.Facts;
import org.meridian.outcomes.domain.visit12.Visit12Rules.Outcome;

class Visit12RulesTest {

    private static Facts facts(boolean open, Boolean improved, List<String> deteriorated, int counted) {
        return new Facts(
                open,
                open ? 7 : 12,
                12,
                90,
                improved,
                deteriorated,
                Boolean.TRUE.equals(improved) ? List.of("ODI") : List.of(),
                counted,
                20,
                8);
    }

    @Test
    void regressionDecidesAtAnyVisitEvenWhenAnotherMeasureImproved() {
        Outcome early = Visit12Rules.decide(facts(true, true, List.of("NRS_BACK_PAIN"), 7));
        assertThat(early.decision()).isEqualTo(Visit12Decision.REGRESSING);
        assertThat(early.rule()).isEqualTo(Visit12Rule.REGRESSION);
        assertThat(early.reason()).contains("NRS_BACK_PAIN").contains("discontinued");
        assertThat(Visit12Rules.decide(facts(false, true, List.of("ODI"), 12)).decision())
                .isEqualTo(Visit12Decision.REGRESSING);
    }

    @Test
    void regressionComesBeforeTheCapAndTheCapBeforeTheOpenCourse() {
        assertThat(Visit12Rules.decide(facts(true, false, List.of("PGIC"), 25)).rule())
                .isEqualTo(Visit12Rule.REGRESSION);
        Outcome capped = Visit12Rules.decide(facts(true, null, List.of(), 20));
        assertThat(capped.decision()).isEqualTo(Visit12Decision.ANNUAL_CAP_REACHED);
        assertThat(capped.reason()).contains("20 sessions");
        assertThat(Visit12Rules.decide(facts(true, null, List.of(), 19)).decision())
                .isEqualTo(Visit12Decision.INITIAL_COURSE_CONTINUES);
    }

    @Test
    void notImprovingYetIsNotRegressingWhileTheInitialCourseIsOpen() {
        Outcome open = Visit12Rules.decide(facts(true, false, List.of(), 7));
        assertThat(open.decision()).isEqualTo(Visit12Decision.INITIAL_COURSE_CONTINUES);
        assertThat(open.reason()).contains("Not improving yet");
        Outcome ended = Visit12Rules.decide(facts(false, false, List.of(), 12));
        assertThat(ended.decision()).isEqualTo(Visit12Decision.NOT_IMPROVING);
        assertThat(ended.rule()).isEqualTo(Visit12Rule.NO_IMPROVEMENT);
    }

    @Test
    void improvementAllowsAtMostWhatTheCapLeaves() {
        Outcome outcome = Visit12Rules.decide(facts(false, true, List.of(), 15));
        assertThat(outcome.decision()).isEqualTo(Visit12Decision.ADDITIONAL_SESSIONS_SUPPORTED);
        assertThat(outcome.additionalSessionsAllowed()).isEqualTo(5);
        assertThat(Visit12Rules.decide(facts(false, true, List.of(), 12)).additionalSessionsAllowed())
                .isEqualTo(8);
        assertThat(Visit12Rules.decide(facts(false, null, List.of(), 12)).decision())
                .isEqualTo(Visit12Decision.INSUFFICIENT_DATA);
    }
}
