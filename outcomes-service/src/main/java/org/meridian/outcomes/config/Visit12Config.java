package org.meridian.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.meridian.outcomes.domain.visit12.AnnualCapWindow;

/**
 * US Medicare NCD 30.3.3 for chronic low back pain (MERIDIAN_VISIT12_ANNUAL_CAP, MERIDIAN_VISIT12_ANNUAL_CAP_WINDOW,
 * ...); docs/clinical-rules.md explains each.
 */
@ConfigMapping(prefix = "meridian.visit12")
public interface Visit12Config {
    @WithDefault("12")
    @Min(1)
    @Max(100)
    int initialSessions();

    @WithDefault("90")
    @Min(1)
    @Max(3660)
    int initialPeriodDays();

    @WithDefault("8")
    @Min(0)
    @Max(100)
    int additionalSessions();

    @WithDefault("20")
    @Min(1)
    @Max(1000)
    int annualCap();

    /** How "annually" is read: the cautious rolling 12 months unless an operator chooses the calendar year. */
    @WithDefault("ROLLING_12_MONTHS")
    AnnualCapWindow.Basis annualCapWindow();
}
