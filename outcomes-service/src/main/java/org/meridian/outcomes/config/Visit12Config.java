package org.meridian.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** US Medicare NCD 30.3.3 for chronic low back pain (MERIDIAN_VISIT12_ANNUAL_CAP, ...). */
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
}
