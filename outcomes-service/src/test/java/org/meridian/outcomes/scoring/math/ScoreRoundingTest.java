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
    }

    /** docs/conventions.md#json: one form for every score, whatever the source wrote (7.0000, 52.0, 40). */
    @Test
    void writesEveryScoreWithoutTrailingZerosAndNeverInExponentForm() {
        assertThat(ScoreRounding.forApi(new BigDecimal("40"))).hasToString("40");
        assertThat(ScoreRounding.forApi(new BigDecimal("7.0000"))).hasToString("7");
        assertThat(ScoreRounding.forApi(new BigDecimal("52.0"))).hasToString("52");
        assertThat(ScoreRounding.forApi(new BigDecimal("41.6"))).hasToString("41.6");
        assertThat(ScoreRounding.forApi(new BigDecimal("100"))).hasToString("100");
        assertThat(ScoreRounding.forApi(new BigDecimal("-20.0000"))).hasToString("-20");
        assertThat(ScoreRounding.forApi(new BigDecimal("0.00004"))).hasToString("0");
        assertThat(ScoreRounding.forApi(new BigDecimal("0.0001"))).hasToString("0.0001");
        assertThat(ScoreRounding.forApi(Rational.of(200))).hasToString("200");
        assertThat(ScoreRounding.forApi(Rational.of(1, 8))).hasToString("0.125");
        assertThat(ScoreRounding.forApi(Rational.of(1, 128))).hasToString("0.0078");
    }

    @Test
    void leavesAnAbsentValueAbsent() {
        assertThat(ScoreRounding.forApi((BigDecimal) null)).isNull();
        assertThat(ScoreRounding.forApi((Rational) null)).isNull();
    }
}
