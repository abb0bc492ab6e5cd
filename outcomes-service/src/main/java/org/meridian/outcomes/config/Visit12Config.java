package org.meridian.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.meridian.outcomes.domain.visit12.AnnualCapWindow;

/**
 * US Medicare NCD 30.3.3 for chronic low back pain (MERIDIAN_VISIT12_ANNUAL_CAP, MERIDIAN_VISIT12_ANNUAL_CAP_WINDOW,
 * ...); docs/clinical-rules.md explains each.
 */
@ConfigMapping(prefix = "meridian.visit12")
public interface Visit12Config {
    @WithDefault("12")
    int initialSessions();

    @WithDefault("90")
    int initialPeriodDays();

    @WithDefault("8")
    int additionalSessions();

    @WithDefault("20")
    int annualCap();

    /** How "annually" is read: the cautious rolling 12 months unless an operator chooses the calendar year. */
    @WithDefault("ROLLING_12_MONTHS")
    AnnualCapWindow.Basis annualCapWindow();
}
