package org.meridian.outcomes.domain.visit12;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The sessions that count against NCD 30.3.3's "no more than 20 acupuncture treatments ... annually": those started
 * from {@code from} up to and including {@code until} (the check's moment). Day boundaries are the clinic's local
 * midnight.
 */
public record AnnualCapWindow(Basis basis, ZoneId zone, Instant from, Instant until) {

    /** How "annually" is read; CMS does not define it in the NCD (docs/clinical-rules.md). */
    public enum Basis {
        /** The 12 months before the check: from the start of the same local date one year earlier (the default). */
        ROLLING_12_MONTHS,
        /** The check's calendar year: from 1 January, local time. */
        CALENDAR_YEAR
    }

    public static AnnualCapWindow of(Basis basis, Instant asOf, ZoneId zone) {
        LocalDate day = asOf.atZone(zone).toLocalDate();
        LocalDate first = switch (basis) {
            case ROLLING_12_MONTHS -> day.minusYears(1);
            case CALENDAR_YEAR -> day.withDayOfYear(1);
        };
        return new AnnualCapWindow(basis, zone, first.atStartOfDay(zone).toInstant(), asOf);
    }
}
