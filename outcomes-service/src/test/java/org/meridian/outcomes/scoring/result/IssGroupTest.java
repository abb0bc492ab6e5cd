package org.meridian.outcomes.scoring.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssGroupTest {

    @ParameterizedTest(name = "ISS {0} -> {1}")
    @CsvSource({"8, MILD", "27, MILD", "28, MODERATE", "34, MODERATE", "35, SEVERE", "50, SEVERE"})
    void groupsSplitBetween27And28And34And35(int total, IssGroup expected) {
        assertThat(IssGroup.forTotal(total)).isEqualTo(expected);
    }

    @Test
    void refusesTotalsOutsideTheScale() {
        assertThatThrownBy(() -> IssGroup.forTotal(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IssGroup.forTotal(51)).isInstanceOf(IllegalArgumentException.class);
    }
}
