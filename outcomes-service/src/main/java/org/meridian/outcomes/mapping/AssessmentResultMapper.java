package org.meridian.outcomes.mapping;

import org.meridian.outcomes.rest.dto.AssessmentResult;
import org.meridian.outcomes.scoring.instrument.InstrumentCodes;
import org.meridian.outcomes.scoring.math.ScoreRounding;
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

/** Scoring details -> the API's typed result of the instrument, every score in the API's one rounded form. */
public final class AssessmentResultMapper {

    private AssessmentResultMapper() {}

    public static AssessmentResult toResult(String instrumentCode, ScoreDetails details) {
        return switch (details) {
            case null -> null;
            case NrsDetails nrs ->
                InstrumentCodes.NRS_LEG_PAIN.equals(instrumentCode)
                        ? new AssessmentResult.NrsLegPainResult(instrumentCode, nrs.painIntensity())
                        : new AssessmentResult.NrsBackPainResult(instrumentCode, nrs.painIntensity());
            case VasDetails vas -> new AssessmentResult.VasPainResult(instrumentCode, vas.painIntensity());
            case OdiDetails odi ->
                new AssessmentResult.OdiResult(
                        instrumentCode,
                        odi.total(),
                        odi.sectionsAnswered(),
                        odi.maximumPossible(),
                        ScoreRounding.forApi(odi.percent()),
                        odi.category().name());
            case RmdqDetails rmdq -> new AssessmentResult.RmdqResult(instrumentCode, rmdq.total());
            case PegDetails peg ->
                new AssessmentResult.PegResult(instrumentCode, peg.total(), ScoreRounding.forApi(peg.mean()));
            case StartBackDetails startBack ->
                new AssessmentResult.StartBackResult(
                        instrumentCode,
                        startBack.total(),
                        new AssessmentResult.StartBackSubscales(
                                startBack.subscales().psychosocial()),
                        startBack.category().name());
            case PromisDetails promis ->
                new AssessmentResult.PromisPainInterferenceResult(
                        instrumentCode,
                        promis.total(),
                        ScoreRounding.forApi(promis.tScore()),
                        ScoreRounding.forApi(promis.standardError()),
                        promis.category().name());
            case PgicDetails pgic ->
                new AssessmentResult.PgicResult(
                        instrumentCode, pgic.code(), pgic.category().name(), pgic.improved());
            case IssDetails iss ->
                new AssessmentResult.IssResult(
                        instrumentCode,
                        iss.total(),
                        new AssessmentResult.IssSubscales(
                                iss.subscales().physicalFunction(),
                                iss.subscales().painInterference(),
                                iss.subscales().painIntensity()),
                        iss.category().name());
        };
    }
}
