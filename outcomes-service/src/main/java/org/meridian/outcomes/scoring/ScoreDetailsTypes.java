package org.meridian.outcomes.scoring;

import java.util.Map;
import java.util.Optional;
import org.meridian.outcomes.scoring.instrument.InstrumentCodes;
import org.meridian.outcomes.scoring.result.IssDetails;
import org.meridian.outcomes.scoring.result.NrsDetails;
import org.meridian.outcomes.scoring.result.OdiDetails;
import org.meridian.outcomes.scoring.result.PegDetails;
import org.meridian.outcomes.scoring.result.PgicDetails;
import org.meridian.outcomes.scoring.result.PromisDetails;
import org.meridian.outcomes.scoring.result.RmdqDetails;
import org.meridian.outcomes.scoring.result.ScoreDetails;
import org.meridian.outcomes.scoring.result.StartBackDetails;
import org.meridian.outcomes.scoring.result.VasDetails;

/**
 * Which {@link ScoreDetails} record an instrument's stored details are: the stored JSON carries no type of its own,
 * the assessment's instrument code says it.
 */
public final class ScoreDetailsTypes {

    private static final Map<String, Class<? extends ScoreDetails>> BY_INSTRUMENT = Map.of(
            InstrumentCodes.NRS_BACK_PAIN, NrsDetails.class,
            InstrumentCodes.NRS_LEG_PAIN, NrsDetails.class,
            InstrumentCodes.ODI, OdiDetails.class,
            InstrumentCodes.RMDQ, RmdqDetails.class,
            InstrumentCodes.PEG, PegDetails.class,
            InstrumentCodes.STARTBACK, StartBackDetails.class,
            InstrumentCodes.PROMIS_PI_4A, PromisDetails.class,
            InstrumentCodes.PGIC, PgicDetails.class,
            InstrumentCodes.NIH_ISS, IssDetails.class,
            InstrumentCodes.VAS_PAIN, VasDetails.class);

    private ScoreDetailsTypes() {}

    public static Optional<Class<? extends ScoreDetails>> forInstrument(String instrumentCode) {
        return Optional.ofNullable(BY_INSTRUMENT.get(instrumentCode));
    }
}
