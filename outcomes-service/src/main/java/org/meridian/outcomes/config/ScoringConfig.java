package org.meridian.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * The per-deployment choices docs/scoring.md#per-deployment-choices leaves open
 * (MERIDIAN_SCORING_ODI_MAX_MISSING_SECTIONS, ...).
 */
@ConfigMapping(prefix = "meridian.scoring")
public interface ScoringConfig {
    @WithDefault("1")
    int odiMaxMissingSections();

    @WithDefault("3")
    BigDecimal promisPainInterferenceMcid();

    @WithDefault("3")
    BigDecimal issMcid();
}
