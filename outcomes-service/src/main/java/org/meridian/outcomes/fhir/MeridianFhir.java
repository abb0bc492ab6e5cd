package org.meridian.outcomes.fhir;

import java.util.Locale;
import org.meridian.platform.fhir.FhirJson;

/** Meridian's canonical URLs, identifier systems and local code systems for FHIR R4. */
public final class MeridianFhir {

    public static final String MEDIA_TYPE = FhirJson.MEDIA_TYPE;
    public static final String CANONICAL_BASE = "https://meridian.example/fhir";
    public static final String QUESTIONNAIRE_BASE = CANONICAL_BASE + "/Questionnaire/";
    /** Primary scores that have no LOINC code (ODI %, RMDQ, PROMIS T-score, ISS, PGIC) and every score's own code. */
    public static final String SCORE_SYSTEM = CANONICAL_BASE + "/CodeSystem/score";
    /** Parts of a score: subscales, bands, risk groups, categories (Observation.component codes). */
    public static final String SCORE_COMPONENT_SYSTEM = CANONICAL_BASE + "/CodeSystem/score-component";
    /** The result tokens of docs/scoring.md#instruments (MINIMAL, HIGH, MUCH_IMPROVED, ...), as component values. */
    public static final String SCORE_BAND_SYSTEM = CANONICAL_BASE + "/CodeSystem/score-band";
    /** An item's integer answer code; the display is the option's label in that item. */
    public static final String ANSWER_SYSTEM = CANONICAL_BASE + "/CodeSystem/answer-code";
    /** Outcomes knows patients only by their pseudonymous id; intake's Patient carries it under this system. */
    public static final String PSEUDONYM_SYSTEM = CANONICAL_BASE + "/sid/pseudonym-id";
    /** Submission identifiers without a system of their own (also the native API's Idempotency-Key). */
    public static final String SUBMISSION_SYSTEM = CANONICAL_BASE + "/sid/submission-id";

    public static final String TIMEPOINT_EXTENSION = CANONICAL_BASE + "/StructureDefinition/timepoint";
    public static final String FOLLOW_UP_WEEKS_EXTENSION = CANONICAL_BASE + "/StructureDefinition/follow-up-weeks";
    public static final String RECALL_PERIOD_EXTENSION = CANONICAL_BASE + "/StructureDefinition/recall-period";
    public static final String TIMEPOINT_SYSTEM = CANONICAL_BASE + "/CodeSystem/timepoint";
    public static final String RECALL_PERIOD_SYSTEM = CANONICAL_BASE + "/CodeSystem/recall-period";

    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";

    private MeridianFhir() {}

    /** ODI -> "odi", NRS_BACK_PAIN -> "nrs-back-pain": the last segment of the Questionnaire's canonical URL. */
    public static String slug(String instrumentCode) {
        return instrumentCode.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String questionnaireUrl(String instrumentCode) {
        return QUESTIONNAIRE_BASE + slug(instrumentCode);
    }

    /** The Questionnaire's logical id: slug and version, e.g. "odi-2.1a" (FHIR ids allow letters, digits, '-', '.'). */
    public static String questionnaireId(String instrumentCode, String version) {
        return slug(instrumentCode) + "-" + version;
    }
}
