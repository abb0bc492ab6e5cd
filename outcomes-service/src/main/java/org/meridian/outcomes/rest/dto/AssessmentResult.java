package org.meridian.outcomes.rest.dto;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An assessment's instrument-specific result (docs/scoring.md#results-in-the-api), one schema per instrument, told
 * apart by {@code instrumentCode} so that SDK generators make one typed class each. The same idea has the same name in
 * every instrument: {@code category} for a band, risk group, severity or group, {@code total} for the sum of the item
 * scores, {@code subscales} for subscales. Scores are rounded half-up to at most 4 decimals, without trailing zeros.
 */
@Schema(
        name = "AssessmentResult",
        type = SchemaType.OBJECT,
        description = "Instrument-specific result; instrumentCode says which schema it is",
        oneOf = {
            AssessmentResult.NrsBackPainResult.class,
            AssessmentResult.NrsLegPainResult.class,
            AssessmentResult.VasPainResult.class,
            AssessmentResult.OdiResult.class,
            AssessmentResult.RmdqResult.class,
            AssessmentResult.PegResult.class,
            AssessmentResult.StartBackResult.class,
            AssessmentResult.PromisPainInterferenceResult.class,
            AssessmentResult.PgicResult.class,
            AssessmentResult.IssResult.class
        },
        discriminatorProperty = "instrumentCode",
        discriminatorMapping = {
            @DiscriminatorMapping(value = "NRS_BACK_PAIN", schema = AssessmentResult.NrsBackPainResult.class),
            @DiscriminatorMapping(value = "NRS_LEG_PAIN", schema = AssessmentResult.NrsLegPainResult.class),
            @DiscriminatorMapping(value = "VAS_PAIN", schema = AssessmentResult.VasPainResult.class),
            @DiscriminatorMapping(value = "ODI", schema = AssessmentResult.OdiResult.class),
            @DiscriminatorMapping(value = "RMDQ", schema = AssessmentResult.RmdqResult.class),
            @DiscriminatorMapping(value = "PEG", schema = AssessmentResult.PegResult.class),
            @DiscriminatorMapping(value = "STARTBACK", schema = AssessmentResult.StartBackResult.class),
            @DiscriminatorMapping(value = "PROMIS_PI_4A", schema = AssessmentResult.PromisPainInterferenceResult.class),
            @DiscriminatorMapping(value = "PGIC", schema = AssessmentResult.PgicResult.class),
            @DiscriminatorMapping(value = "NIH_ISS", schema = AssessmentResult.IssResult.class)
        })
public sealed interface AssessmentResult {

    /** The instrument the result belongs to; the same as the assessment's. */
    String instrumentCode();

    // Back and leg pain have the same fields but a schema each: a schema shared by two discriminator values makes
    // TypeScript generators narrow it to the first value.
    @Schema(name = "NrsBackPainResult", description = "NRS back pain: the 0..10 rating is the score")
    record NrsBackPainResult(
            @Schema(required = true, enumeration = "NRS_BACK_PAIN", examples = "NRS_BACK_PAIN")
            String instrumentCode,

            @Schema(
                    description = "The rating, 0 (no pain) .. 10 (worst imaginable)",
                    examples = "6",
                    minimum = "0",
                    maximum = "10")
            int painIntensity)
            implements AssessmentResult {}

    @Schema(name = "NrsLegPainResult", description = "NRS leg pain (sciatica): the 0..10 rating is the score")
    record NrsLegPainResult(
            @Schema(required = true, enumeration = "NRS_LEG_PAIN", examples = "NRS_LEG_PAIN")
            String instrumentCode,

            @Schema(
                    description = "The rating, 0 (no pain) .. 10 (worst imaginable)",
                    examples = "4",
                    minimum = "0",
                    maximum = "10")
            int painIntensity)
            implements AssessmentResult {}

    @Schema(name = "VasPainResult", description = "VAS pain 0-100: the mark in millimetres is the score")
    record VasPainResult(
            @Schema(required = true, enumeration = "VAS_PAIN", examples = "VAS_PAIN")
            String instrumentCode,

            @Schema(
                    description = "The mark, 0 (no pain) .. 100 (worst imaginable) mm",
                    examples = "63",
                    minimum = "0",
                    maximum = "100")
            int painIntensity)
            implements AssessmentResult {}

    @Schema(name = "OdiResult", description = "Oswestry Disability Index: percent = total / maximumPossible x 100")
    record OdiResult(
            @Schema(required = true, enumeration = "ODI", examples = "ODI")
            String instrumentCode,

            @Schema(description = "Sum of the answered section scores", examples = "30", minimum = "0", maximum = "50")
            int total,

            @Schema(examples = "9", minimum = "0", maximum = "10")
            int sectionsAnswered,

            @Schema(description = "5 x sections answered", examples = "45", minimum = "0", maximum = "50")
            int maximumPossible,

            @Schema(description = "The score: disability in percent", examples = "66.6667")
            BigDecimal percent,

            @Schema(
                    description = "Disability band",
                    enumeration = {"MINIMAL", "MODERATE", "SEVERE", "CRIPPLED", "BED_BOUND_OR_EXAGGERATING"},
                    examples = "CRIPPLED")
            String category)
            implements AssessmentResult {}

    @Schema(name = "RmdqResult", description = "Roland-Morris Disability Questionnaire")
    record RmdqResult(
            @Schema(required = true, enumeration = "RMDQ", examples = "RMDQ")
            String instrumentCode,

            @Schema(
                    description = "Statements answered yes, 0..24 (the score)",
                    examples = "10",
                    minimum = "0",
                    maximum = "24")
            int total)
            implements AssessmentResult {}

    @Schema(name = "PegResult", description = "PEG-3: the mean of the three items is the score")
    record PegResult(
            @Schema(required = true, enumeration = "PEG", examples = "PEG")
            String instrumentCode,

            @Schema(description = "Sum of the three 0..10 items", examples = "11", minimum = "0", maximum = "30")
            int total,

            @Schema(description = "total / 3 (the score)", examples = "3.6667")
            BigDecimal mean)
            implements AssessmentResult {}

    @Schema(name = "StartBackResult", description = "Keele STarT Back Screening Tool (a risk screen)")
    record StartBackResult(
            @Schema(required = true, enumeration = "STARTBACK", examples = "STARTBACK")
            String instrumentCode,

            @Schema(description = "Positive items, 0..9 (the score)", examples = "5", minimum = "0", maximum = "9")
            int total,

            StartBackSubscales subscales,

            @Schema(
                    description = "Risk group",
                    enumeration = {"LOW", "MEDIUM", "HIGH"},
                    examples = "MEDIUM")
            String category)
            implements AssessmentResult {}

    @Schema(name = "StartBackSubscales")
    record StartBackSubscales(
            @Schema(
                    description = "Items 5-8 and the dichotomised item 9, 0..5",
                    examples = "3",
                    minimum = "0",
                    maximum = "5")
            int psychosocial) {}

    @Schema(
            name = "PromisPainInterferenceResult",
            description = "PROMIS Pain Interference 4a: the T-score looked up for the raw total is the score")
    record PromisPainInterferenceResult(
            @Schema(required = true, enumeration = "PROMIS_PI_4A", examples = "PROMIS_PI_4A")
            String instrumentCode,

            @Schema(description = "Raw sum of the items, 4..20", examples = "12", minimum = "4", maximum = "20")
            int total,

            @Schema(description = "T-score from the conversion table (the score)", examples = "61.2")
            BigDecimal tScore,

            @Schema(description = "Standard error of the T-score", examples = "1.8")
            BigDecimal standardError,

            @Schema(
                    description = "Severity of the T-score",
                    enumeration = {"WITHIN_NORMAL_LIMITS", "MILD", "MODERATE", "SEVERE"},
                    examples = "MODERATE")
            String category)
            implements AssessmentResult {}

    @Schema(name = "PgicResult", description = "Patient Global Impression of Change, 7-point (CGI-derived)")
    record PgicResult(
            @Schema(required = true, enumeration = "PGIC", examples = "PGIC")
            String instrumentCode,

            @Schema(description = "The answer code 1..7 (the score)", examples = "2", minimum = "1", maximum = "7")
            int code,

            @Schema(
                    enumeration = {
                        "VERY_MUCH_IMPROVED",
                        "MUCH_IMPROVED",
                        "MINIMALLY_IMPROVED",
                        "NO_CHANGE",
                        "MINIMALLY_WORSE",
                        "MUCH_WORSE",
                        "VERY_MUCH_WORSE"
                    },
                    examples = "MUCH_IMPROVED")
            String category,

            @Schema(description = "Codes 1-2: a clinically important improvement", examples = "true")
            boolean improved)
            implements AssessmentResult {}

    @Schema(name = "IssResult", description = "NIH Impact Stratification Score: total = the sum of the subscales")
    record IssResult(
            @Schema(required = true, enumeration = "NIH_ISS", examples = "NIH_ISS")
            String instrumentCode,

            @Schema(description = "8..50 (the score)", examples = "28", minimum = "8", maximum = "50")
            int total,

            IssSubscales subscales,

            @Schema(
                    description = "Provisional impact group",
                    enumeration = {"MILD", "MODERATE", "SEVERE"},
                    examples = "MODERATE")
            String category)
            implements AssessmentResult {}

    @Schema(name = "IssSubscales")
    record IssSubscales(
            @Schema(
                    description = "PROMIS physical function items reverse-scored (6 - x), 4..20, higher = worse",
                    examples = "12",
                    minimum = "4",
                    maximum = "20")
            int physicalFunction,

            @Schema(
                    description = "PROMIS pain interference items, 4..20",
                    examples = "10",
                    minimum = "4",
                    maximum = "20")
            int painInterference,

            @Schema(description = "Average pain intensity 0..10", examples = "6", minimum = "0", maximum = "10")
            int painIntensity) {}
}
