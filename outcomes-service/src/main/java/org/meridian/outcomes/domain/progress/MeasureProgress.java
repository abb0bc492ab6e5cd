package org.meridian.outcomes.domain.progress;

import org.meridian.outcomes.scoring.change.ChangeOutcome;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;

/**
 * Change from baseline for one instrument version.
 *
 * @param change null when there is no baseline or no later assessment yet
 * @param responder the change's responder flag; for PGIC whether the latest answer is "much" or "very much improved";
 *        null when undefined
 * @param firstResponse null until a later assessment met the responder rule
 */
public record MeasureProgress(
        InstrumentDefinition instrument,
        ScoredPoint baseline,
        ScoredPoint latest,
        ChangeOutcome change,
        Boolean responder,
        FirstResponse firstResponse,
        int assessmentCount) {}
