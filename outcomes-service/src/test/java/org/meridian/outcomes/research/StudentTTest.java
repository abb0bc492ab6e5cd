package org.meridian.outcomes.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.meridian.outcomes.research.stats.StudentT;

/** Quantiles against published t tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2). */
class StudentTTest {

    @Test
    void matchesPublishedTwoSided95PercentQuantiles() {
        assertThat(StudentT.quantile(0.975, 1)).isCloseTo(12.706205, within(1e-5));
        assertThat(StudentT.quantile(0.975, 2)).isCloseTo(4.302653, within(1e-5));
        assertThat(StudentT.quantile(0.975, 5)).isCloseTo(2.570582, within(1e-5));
        assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.228139, within(1e-5));
        assertThat(StudentT.quantile(0.975, 11)).isCloseTo(2.200985, within(1e-5));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.042272, within(1e-5));
        assertThat(StudentT.quantile(0.975, 100)).isCloseTo(1.983972, within(1e-5));
    }

    @Test
    void matchesOtherTailProbabilitiesAndIsSymmetric() {
        assertThat(StudentT.quantile(0.95, 20)).isCloseTo(1.724718, within(1e-5));
        assertThat(StudentT.quantile(0.995, 3)).isCloseTo(5.840909, within(1e-5));
        assertThat(StudentT.quantile(0.025, 10)).isCloseTo(-2.228139, within(1e-5));
        assertThat(StudentT.quantile(0.5, 7)).isZero();
    }

    @Test
    void approachesTheNormalQuantileForLargeSamples() {
        assertThat(StudentT.quantile(0.975, 1_000_000)).isCloseTo(1.959966, within(1e-5));
    }
}
