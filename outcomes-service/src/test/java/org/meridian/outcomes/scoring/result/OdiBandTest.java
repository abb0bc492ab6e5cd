package org.meridian.outcomes.scoring.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OdiBandTest {

    @ParameterizedTest(name = "{0} % -> {1}")
    @CsvSource({
        "0, MINIMAL",
        "20, MINIMAL",
        "20.0001, MODERATE",
        "40, MODERATE",
        "40.0001, SEVERE",
        "60, SEVERE",
        "60.0001, CRIPPLED",
        "80, CRIPPLED",
        "80.0001, BED_BOUND_OR_EXAGGERATING",
        "100, BED_BOUND_OR_EXAGGERATING"
    })
    void bandsHaveInclusiveUpperBounds(String percent, OdiBand expected) {
        assertThat(OdiBand.forPercent(new BigDecimal(percent))).isEqualTo(expected);
    }
}
