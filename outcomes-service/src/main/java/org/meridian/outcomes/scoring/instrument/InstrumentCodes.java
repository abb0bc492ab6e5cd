package org.meridian.outcomes.scoring.instrument;

/** The stable instrument codes used in the API, in stored assessments and in the catalogue. */
public final class InstrumentCodes {

    public static final String NRS_BACK_PAIN = "NRS_BACK_PAIN";
    public static final String NRS_LEG_PAIN = "NRS_LEG_PAIN";
    public static final String ODI = "ODI";
    public static final String RMDQ = "RMDQ";
    public static final String PEG = "PEG";
    public static final String STARTBACK = "STARTBACK";
    public static final String PROMIS_PI_4A = "PROMIS_PI_4A";
    public static final String PGIC = "PGIC";
    public static final String NIH_ISS = "NIH_ISS";
    public static final String VAS_PAIN = "VAS_PAIN";

    private InstrumentCodes() {}
}
