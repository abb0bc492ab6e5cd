package org.meridian.outcomes.scoring.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScoreRoundingTest {

    @Test
    void roundsPegElevenThirdsToFourDecimals() {
        assertThat(ScoreRounding.forApi(Rational.of(11, 3))).isEqualByComparingTo("3.6667");
    }

    @Test
    void roundsOdiSixteenOfFortyFivePercentToFourDecimals() {
        assertThat(ScoreRounding.forApi(Rational.of(16, 45).multiply(Rational.ONE_HUNDRED)))
                .hasToString("35.5556");
    }

    @Test
    void roundsDecimalsHalfUp() {
        assertThat(ScoreRounding.forApi(new BigDecimal("2.00005"))).hasToString("2.0001");
        assertThat(ScoreRounding.forApi(new BigDecimal("-2.00005"))).hasToString("-2.0001");
        assertThat(ScoreRounding.forApi(new BigDecimal("40"))).hasToString("40.0000");
    }

    @Test
    void leavesAnAbsentValueAbsent() {
        assertThat(ScoreRounding.forApi((BigDecimal) null)).isNull();
        assertThat(ScoreRounding.forApi((Rational) null)).isNull();
    }
}
