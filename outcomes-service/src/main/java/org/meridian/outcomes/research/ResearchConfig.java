package org.meridian.outcomes.research;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/**
 * Research aggregates and exports (MERIDIAN_RESEARCH_MIN_CELL_SIZE, MERIDIAN_RESEARCH_PSEUDONYM_SECRET,
 * MERIDIAN_RESEARCH_EXPORT_FETCH_SIZE).
 */
@ConfigMapping(prefix = "meridian.research")
public interface ResearchConfig {

    /**
     * The datasource that research aggregates and exports read from: the primary unless MERIDIAN_RESEARCH_DB_URL
     * names a streaming replica (docs/deployment.md#research-reads-from-a-replica). Nothing writes through it.
     */
    String READ_DATASOURCE = "research";

    /** k: an aggregate cell of fewer patients is suppressed; an exported quasi-identifier combination is shared by at least k. */
    @WithDefault("11")
    @Min(1)
    @Max(1000)
    int minCellSize();

    /**
     * The server secret from which each export project's pseudonymisation key is derived. Exports are refused
     * (503) until it is set: a default would let anyone who knows the algorithm link pseudonyms.
     */
    Optional<String> pseudonymSecret();

    /** Rows fetched per round trip while streaming an export. */
    @WithDefault("1000")
    int exportFetchSize();
}
