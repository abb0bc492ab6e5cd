package org.meridian.outcomes.scoring.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromisSeverityTest {

    @ParameterizedTest(name = "T {0} -> {1}")
    @CsvSource({
        "41.6, WITHIN_NORMAL_LIMITS",
        "55, WITHIN_NORMAL_LIMITS",
        "55.0, WITHIN_NORMAL_LIMITS",
        "55.1, MILD",
        "55.6, MILD",
        "60, MILD",
        "60.1, MODERATE",
        "70, MODERATE",
        "70.1, SEVERE",
        "75.6, SEVERE"
    })
    void severityBoundsAreInclusiveAt55And60And70(String tScore, PromisSeverity expected) {
        assertThat(PromisSeverity.forTScore(new BigDecimal(tScore))).isEqualTo(expected);
    }
}
