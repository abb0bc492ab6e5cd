package org.meridian.outcomes.scoring.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void keepsFractionsInLowestTermsWithAPositiveDenominator() {
        Rational value = Rational.of(30, -45);

        assertThat(value.numerator()).hasToString("-2");
        assertThat(value.denominator()).hasToString("3");
        assertThat(value).isEqualTo(Rational.of(-2, 3));
    }

    @Test
    void printsTerminatingValuesExactlyWithoutExponent() {
        assertThat(Rational.of(2000, 50).toBigDecimal()).hasToString("40");
        assertThat(Rational.of(11, 4).toBigDecimal()).hasToString("2.75");
        assertThat(Rational.of(new BigDecimal("41.6")).toBigDecimal()).hasToString("41.6");
    }

    @Test
    void printsNonTerminatingValuesWithTwentyDecimals() {
        assertThat(Rational.of(200, 3).toBigDecimal()).hasToString("66.66666666666666666667");
    }

    @Test
    void roundsTheExactFractionHalfUpInOneStep() {
        assertThat(Rational.of(11, 3).roundHalfUp(4)).hasToString("3.6667");
        assertThat(Rational.of(1, 8).roundHalfUp(2)).hasToString("0.13");
    }

    @Test
    void comparesExactlyWhereDecimalsWouldDrift() {
        Rational percentImprovement = Rational.of(200, 3)
                .subtract(Rational.of(140, 3))
                .divide(Rational.of(200, 3))
                .multiply(Rational.ONE_HUNDRED);

        assertThat(percentImprovement).isEqualTo(Rational.of(30));
        assertThat(percentImprovement.isAtLeast(new BigDecimal("30"))).isTrue();
        assertThat(percentImprovement.isAtMost(new BigDecimal("30"))).isTrue();
    }

    @Test
    void parsesWhatItPrintsForLosslessStorage() {
        assertThat(Rational.parse(Rational.of(200, 3).toString())).isEqualTo(Rational.of(200, 3));
        assertThat(Rational.parse("-7")).isEqualTo(Rational.of(-7));
        assertThat(Rational.parse("41.6")).isEqualTo(Rational.of(208, 5));
    }

    @Test
    void readsDecimalsWithNegativeScaleExactly() {
        assertThat(Rational.of(new BigDecimal("4E+1"))).isEqualTo(Rational.of(40));
    }

    @Test
    void refusesAZeroDenominatorAndDivisionByZero() {
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.of(1).divide(Rational.ZERO)).isInstanceOf(ArithmeticException.class);
    }
}
