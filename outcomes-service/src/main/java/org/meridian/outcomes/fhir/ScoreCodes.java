package org.meridian.outcomes.fhir;

import java.util.Locale;
import java.util.Map;
import org.meridian.outcomes.scoring.instrument.InstrumentCodes;

/**
 * Meridian's local codes for scores ({@link MeridianFhir#SCORE_SYSTEM}) and their parts
 * ({@link MeridianFhir#SCORE_COMPONENT_SYSTEM}); the code system resources are built from these same tables.
 */
public final class ScoreCodes {

    /** Primary score per instrument code: local code and display. */
    static final Map<String, Concept> SCORES = Map.of(
            InstrumentCodes.NRS_BACK_PAIN, new Concept("nrs-back-pain", "Back pain intensity 0-10 (NRS)"),
            InstrumentCodes.NRS_LEG_PAIN, new Concept("nrs-leg-pain", "Leg pain intensity 0-10 (NRS)"),
            InstrumentCodes.ODI, new Concept("odi-percent", "Oswestry Disability Index (%)"),
            InstrumentCodes.RMDQ, new Concept("rmdq-total", "Roland-Morris Disability Questionnaire total (0-24)"),
            InstrumentCodes.PEG, new Concept("peg-mean", "PEG-3 mean score (0-10)"),
            InstrumentCodes.STARTBACK, new Concept("startback-total", "STarT Back total score (0-9)"),
            InstrumentCodes.PROMIS_PI_4A, new Concept("promis-pi-4a-t-score", "PROMIS Pain Interference 4a T-score"),
            InstrumentCodes.PGIC, new Concept("pgic", "Patient Global Impression of Change (1-7, CGI-derived)"),
            InstrumentCodes.NIH_ISS, new Concept("nih-iss-total", "NIH Impact Stratification Score (8-50)"),
            InstrumentCodes.VAS_PAIN, new Concept("vas-pain", "Pain intensity 0-100 mm (VAS)"));

    static final Concept ODI_RAW_SUM = new Concept("odi-raw-sum", "ODI sum of section scores");
    static final Concept ODI_SECTIONS_ANSWERED = new Concept("odi-sections-answered", "ODI sections answered");
    static final Concept ODI_BAND = new Concept("odi-band", "ODI disability band");
    static final Concept STARTBACK_SUBSCALE =
            new Concept("startback-psychosocial-subscale", "STarT Back psychosocial subscale (0-5)");
    static final Concept STARTBACK_RISK = new Concept("startback-risk", "STarT Back risk group");
    static final Concept PROMIS_RAW = new Concept("promis-raw-score", "PROMIS raw score");
    static final Concept PROMIS_SE = new Concept("promis-t-score-se", "PROMIS T-score standard error");
    static final Concept PROMIS_SEVERITY = new Concept("promis-severity", "PROMIS severity");
    static final Concept PGIC_CATEGORY = new Concept("pgic-category", "PGIC category");
    static final Concept PGIC_IMPROVED =
            new Concept("pgic-improved", "Clinically important improvement (PGIC 1-2, Farrar 2001)");
    static final Concept ISS_PHYSICAL_FUNCTION =
            new Concept("iss-physical-function", "ISS physical function, reverse-scored (4-20)");
    static final Concept ISS_PAIN_INTERFERENCE = new Concept("iss-pain-interference", "ISS pain interference (4-20)");
    static final Concept ISS_PAIN_INTENSITY = new Concept("iss-pain-intensity", "ISS average pain intensity (0-10)");
    static final Concept ISS_GROUP = new Concept("iss-group", "ISS impact group");

    static final Concept[] COMPONENTS = {
        ODI_RAW_SUM,
        ODI_SECTIONS_ANSWERED,
        ODI_BAND,
        STARTBACK_SUBSCALE,
        STARTBACK_RISK,
        PROMIS_RAW,
        PROMIS_SE,
        PROMIS_SEVERITY,
        PGIC_CATEGORY,
        PGIC_IMPROVED,
        ISS_PHYSICAL_FUNCTION,
        ISS_PAIN_INTERFERENCE,
        ISS_PAIN_INTENSITY,
        ISS_GROUP
    };

    /** A local code and its display. */
    public record Concept(String code, String display) {}

    private ScoreCodes() {}

    /**
     * "BED_BOUND_OR_EXAGGERATING" -> "Bed bound or exaggerating": the display of a docs/scoring.md#instruments result
     * token.
     */
    static String tokenDisplay(String token) {
        String words = token.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
