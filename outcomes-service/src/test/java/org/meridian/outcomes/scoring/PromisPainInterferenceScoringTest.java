package org.meridian.outcomes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.outcomes.scoring.ScoringFixtures.ENGINE;
import static org.meridian.outcomes.scoring.ScoringFixtures.answers;
import static org.meridian.outcomes.scoring.ScoringFixtures.instrument;
import static org.meridian.outcomes.scoring.ScoringFixtures.rejected;
import static org.meridian.outcomes.scoring.ScoringFixtures.scored;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.result.PromisDetails;
import org.meridian.outcomes.scoring.result.PromisSeverity;

class PromisPainInterferenceScoringTest {

    private final InstrumentDefinition promis = instrument("PROMIS_PI_4A");

    @ParameterizedTest(name = "raw {0} -> T {1} (SE {2}) {3}")
    @CsvSource({
        "4, 41.6, 6.1, WITHIN_NORMAL_LIMITS",
        "5, 49.6, 2.5, WITHIN_NORMAL_LIMITS",
        "6, 52.0, 2.0, WITHIN_NORMAL_LIMITS",
        "7, 53.9, 1.9, WITHIN_NORMAL_LIMITS",
        "8, 55.6, 1.9, MILD",
        "9, 57.1, 1.9, MILD",
        "10, 58.5, 1.8, MILD",
        "11, 59.9, 1.8, MILD",
        "12, 61.2, 1.8, MODERATE",
        "13, 62.5, 1.8, MODERATE",
        "14, 63.8, 1.8, MODERATE",
        "15, 65.2, 1.8, MODERATE",
        "16, 66.6, 1.8, MODERATE",
        "17, 68.0, 1.8, MODERATE",
        "18, 69.7, 1.9, MODERATE",
        "19, 71.6, 2.1, SEVERE",
        "20, 75.6, 3.7, SEVERE"
    })
    void convertsEveryRawScoreWithTheConversionTable(
            int raw, String tScore, String standardError, PromisSeverity severity) {
        Score score = scored(ENGINE.score(promis, itemsSummingTo(raw)));

        assertThat(score.value()).isEqualByComparingTo(tScore);
        assertThat(score.details())
                .isEqualTo(new PromisDetails(raw, new BigDecimal(tScore), new BigDecimal(standardError), severity));
    }

    @Test
    void thePrimaryScoreIsTheTScoreNotTheRawSum() {
        Score score = scored(ENGINE.score(promis, answers("PAININ9", 2, "PAININ22", 3, "PAININ31", 1, "PAININ34", 4)));

        assertThat(score.value()).isEqualByComparingTo("58.5");
        assertThat(score.policyId()).isEqualTo("promis-pi-4a-v1.0-t-score-table-all-items-required");
    }

    @Test
    void rejectsThreeOfFourItemsBecauseTheTableNeedsAll() {
        Rejection rejection =
                rejected(ENGINE.score(promis, answers("PAININ9", 2, "PAININ22", 3, "PAININ31", null, "PAININ34", 4)));

        assertThat(rejection.problems()).extracting(ItemProblem::itemCode).containsExactly("PAININ31");
    }

    @Test
    void rejectsZeroBecauseTheCodesStartAtOne() {
        assertThat(rejected(ENGINE.score(promis, answers("PAININ9", 0, "PAININ22", 1, "PAININ31", 1, "PAININ34", 1)))
                        .problems())
                .extracting(ItemProblem::itemCode)
                .containsExactly("PAININ9");
    }

    private Map<String, Object> itemsSummingTo(int raw) {
        Map<String, Object> answers = new LinkedHashMap<>();
        int remaining = raw;
        int itemsLeft = promis.items().size();
        for (String code : promis.itemCodes()) {
            itemsLeft--;
            int value = Math.min(5, remaining - itemsLeft);
            answers.put(code, value);
            remaining -= value;
        }
        return answers;
    }
}
