package org.meridian.outcomes.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a PENDING link is waited for (MERIDIAN_PENDING_LINK_EXPIRY, MERIDIAN_PENDING_LINK_CHECK_EVERY). */
@ConfigMapping(prefix = "meridian.outcomes.pending-link")
public interface PendingLinkConfig {
    /** A submission still PENDING this long after it was received becomes EXPIRED. */
    @WithDefault("P7D")
    Duration expiry();

    /** How often the expiry runs ("15m"); "off" disables the schedule. */
    @WithDefault("15m")
    String checkEvery();

    /** How often PENDING assessments are counted for meridian_assessments_pending_links ("30s"); "off" in tests. */
    @WithDefault("30s")
    String countEvery();
}
