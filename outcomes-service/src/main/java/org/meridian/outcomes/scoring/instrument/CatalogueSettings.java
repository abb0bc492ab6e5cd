package org.meridian.outcomes.scoring.instrument;

import java.math.BigDecimal;
import java.util.Objects;
import org.meridian.outcomes.scoring.rule.OdiRule;

/**
 * The per-deployment choices docs/scoring.md#per-deployment-choices leaves open: the ODI missing-section limit, and
 * the MCIDs whose published
 * values are ranges (PROMIS PI 2-5.5 T points, ISS 3-7.5 points). Defaults are Meridian's policy.
 */
public record CatalogueSettings(int odiMaxMissingSections, BigDecimal promisPainInterferenceMcid, BigDecimal issMcid) {

    public static final CatalogueSettings DEFAULTS =
            new CatalogueSettings(OdiRule.DEFAULT_MAX_MISSING_SECTIONS, BigDecimal.valueOf(3), BigDecimal.valueOf(3));

    public CatalogueSettings {
        Objects.requireNonNull(promisPainInterferenceMcid, "promisPainInterferenceMcid");
        Objects.requireNonNull(issMcid, "issMcid");
        if (odiMaxMissingSections < 0 || odiMaxMissingSections >= OdiRule.SECTIONS) {
            throw new IllegalArgumentException(
                    "odiMaxMissingSections must be 0.." + (OdiRule.SECTIONS - 1) + ", was " + odiMaxMissingSections);
        }
        if (promisPainInterferenceMcid.signum() <= 0 || issMcid.signum() <= 0) {
            throw new IllegalArgumentException("MCIDs must be positive");
        }
    }
}
