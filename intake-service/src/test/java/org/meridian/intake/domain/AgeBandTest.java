package org.meridian.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeBandTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 22);

    @Test
    void bandsChangeOnTheBirthday() {
        assertThat(AgeBand.of(LocalDate.of(1996, 11, 22), ON)).isEqualTo("30-39");
        assertThat(AgeBand.of(LocalDate.of(1996, 11, 23), ON)).isEqualTo("18-29");
    }

    @Test
    void coversChildrenAndTheOldest() {
        assertThat(AgeBand.of(LocalDate.of(2010, 1, 1), ON)).isEqualTo("0-17");
        assertThat(AgeBand.of(LocalDate.of(2008, 11, 22), ON)).isEqualTo("18-29");
        assertThat(AgeBand.of(LocalDate.of(1956, 6, 1), ON)).isEqualTo("70-79");
        assertThat(AgeBand.of(LocalDate.of(1930, 6, 1), ON)).isEqualTo("80+");
    }
}
