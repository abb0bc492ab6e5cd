package org.meridian.outcomes.scoring.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartBackRiskTest {

    @ParameterizedTest(name = "total {0}, subscale {1} -> {2}")
    @CsvSource({"0, 0, LOW", "3, 3, LOW", "3, 0, LOW", "4, 3, MEDIUM", "4, 4, HIGH", "9, 5, HIGH", "9, 3, MEDIUM"})
    void riskIsLowUpToTotalThreeRegardlessOfSubscaleThenHighFromSubscaleFour(
            int total, int subscale, StartBackRisk expected) {
        assertThat(StartBackRisk.of(total, subscale)).isEqualTo(expected);
    }
}
