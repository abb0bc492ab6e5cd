package org.meridian.outcomes.domain.visit12;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.meridian.outcomes.domain.visit12.AnnualCapWindow.Basis;

class AnnualCapWindowTest {

    @Test
    void rollingTwelveMonthsStartAtTheClinicsMidnightOfTheSameDateAYearEarlier() {
        Instant check = Instant.parse("2026-05-20T05:00:00Z");
        AnnualCapWindow window = AnnualCapWindow.of(Basis.ROLLING_12_MONTHS, check, ZoneId.of("America/Los_Angeles"));
        // 2026-05-19 22:00 in Los Angeles: the window opens at local midnight of 2025-05-19 (UTC-7).
        assertThat(window.from()).isEqualTo(Instant.parse("2025-05-19T07:00:00Z"));
        assertThat(window.until()).isEqualTo(check);
        assertThat(AnnualCapWindow.of(Basis.ROLLING_12_MONTHS, check, ZoneOffset.UTC)
                        .from())
                .isEqualTo(Instant.parse("2025-05-20T00:00:00Z"));
    }

    @Test
    void aRollingWindowFromTheTwentyNinthOfFebruaryStartsOnTheTwentyEighth() {
        AnnualCapWindow window =
                AnnualCapWindow.of(Basis.ROLLING_12_MONTHS, Instant.parse("2028-02-29T12:00:00Z"), ZoneOffset.UTC);
        assertThat(window.from()).isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
    }

    @Test
    void theCalendarYearStartsOnTheFirstOfJanuaryInTheClinicsZone() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        AnnualCapWindow window =
                AnnualCapWindow.of(Basis.CALENDAR_YEAR, Instant.parse("2026-03-01T00:00:00Z"), auckland);
        // 1 January 2026 00:00 in Auckland (daylight saving, UTC+13) is 31 December 2025 11:00 UTC.
        assertThat(window.from()).isEqualTo(Instant.parse("2025-12-31T11:00:00Z"));
        // On 31 December 2025 at 12:00 UTC it is already 2026 in Auckland.
        assertThat(AnnualCapWindow.of(Basis.CALENDAR_YEAR, Instant.parse("2025-12-31T12:00:00Z"), auckland)
                        .from())
                .isEqualTo(Instant.parse("2025-12-31T11:00:00Z"));
    }
}
