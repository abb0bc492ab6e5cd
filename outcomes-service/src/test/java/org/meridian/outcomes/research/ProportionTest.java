package org.meridian.outcomes.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.stats.Proportion;

/** Wilson score intervals against Newcombe (1998), table I, and hand-computed values. */
class ProportionTest {

    @Test
    void matchesNewcombesWilsonIntervals() {
        Proportion p81of263 = Proportion.wilson(81, 263);
        assertThat(p81of263.lower()).isCloseTo(0.2553, within(1e-4));
        assertThat(p81of263.upper()).isCloseTo(0.3662, within(1e-4));
        Proportion p15of148 = Proportion.wilson(15, 148);
        assertThat(p15of148.lower()).isCloseTo(0.0624, within(1e-4));
        assertThat(p15of148.upper()).isCloseTo(0.1605, within(1e-4));
        Proportion p0of20 = Proportion.wilson(0, 20);
        assertThat(p0of20.lower()).isZero();
        assertThat(p0of20.upper()).isCloseTo(0.1611, within(1e-4));
        Proportion p1of29 = Proportion.wilson(1, 29);
        assertThat(p1of29.lower()).isCloseTo(0.0061, within(1e-4));
        assertThat(p1of29.upper()).isCloseTo(0.1718, within(1e-4));
    }

    @Test
    void staysInsideZeroAndOneAtTheExtremes() {
        Proportion all = Proportion.wilson(10, 10);
        assertThat(all.rate()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(0.7225, within(1e-4));
        assertThat(all.upper()).isCloseTo(1.0, within(1e-12)).isLessThanOrEqualTo(1.0);
    }
}
