package org.meridian.outcomes.rest.dto;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;
import org.meridian.outcomes.scoring.instrument.RecallPeriod;

@Schema(name = "Instrument", description = "One version of a questionnaire, as an app renders it and as it is scored")
public record InstrumentResponse(
        @Schema(description = "Stable instrument code", examples = "ODI", maxLength = InstrumentLimits.CODE)
        String code,

        @Schema(
                description = "Version; submissions pin code and version",
                examples = "2.1a",
                maxLength = InstrumentLimits.VERSION)
        String version,

        @Schema(description = "Whether this is the version used when a client names only the code", examples = "true")
        boolean current,

        @Schema(examples = "Oswestry Disability Index v2.1a", maxLength = InstrumentLimits.TITLE)
        String title,

        @Schema(
                description = "Which way the score points",
                examples = "HIGHER_IS_WORSE",
                enumeration = {"HIGHER_IS_WORSE", "HIGHER_IS_BETTER"})
        String direction,

        @Schema(
                description = "Allowed recall periods; the first is the default",
                examples = "[\"PAST_WEEK\", \"RIGHT_NOW\"]",
                type = SchemaType.ARRAY,
                implementation = RecallPeriod.class,
                maxItems = 5)
        List<String> recallPeriods,

        @Schema(
                description = "Copyright and licence conditions of the item text",
                examples = "Public domain.",
                maxLength = InstrumentLimits.LICENCE_NOTICE)
        String licenceNotice,

        @Schema(description = "LOINC codes of the instrument or its score", maxItems = InstrumentLimits.LOINC_CODES)
        List<Loinc> loinc,

        @Schema(maxItems = InstrumentLimits.ITEMS) List<Item> items,
        ScoringPolicy scoringPolicy,
        ChangeRule change,

        @Schema(
                nullable = true,
                description = "The published raw-score to T-score conversion table the score is looked up in, one row"
                        + " per raw sum in ascending order; null for instruments scored without one",
                maxItems = InstrumentLimits.ITEMS * InstrumentLimits.ANSWER_MAX + 1)
        List<ScoreTableRow> scoreTable) {

    @Schema(name = "InstrumentLoinc")
    public record Loinc(
            @Schema(examples = "72514-3", maxLength = InstrumentLimits.LOINC_CODE)
            String code,

            @Schema(examples = "Pain severity 0-10 numeric rating", maxLength = InstrumentLimits.LOINC_MEANING)
            String meaning) {}

    @Schema(name = "InstrumentItem", description = "One question; its code is the key in a submission's answers")
    public record Item(
            @Schema(examples = "odi_04_walking", maxLength = InstrumentLimits.ITEM_CODE)
            String code,

            @Schema(
                    description = "Display text, or a neutral section name where the text is licensed",
                    examples = "Walking",
                    maxLength = InstrumentLimits.ITEM_TEXT)
            String text,

            @Schema(
                    nullable = true,
                    description = "Item LOINC code, where one exists",
                    examples = "75893-8",
                    maxLength = InstrumentLimits.LOINC_CODE)
            String loincCode,

            @Schema(maxItems = InstrumentLimits.OPTIONS) List<Option> options) {}

    @Schema(name = "InstrumentItemOption", description = "An allowed answer code and its label")
    public record Option(
            @Schema(examples = "0", minimum = "0", maximum = "100")
            int value,

            @Schema(examples = "No pain", maxLength = InstrumentLimits.OPTION_LABEL)
            String label) {}

    @Schema(name = "ScoringPolicy", description = "How answers become a score; stored with every score")
    public record ScoringPolicy(
            @Schema(examples = "odi-percent-of-answered-max-missing-1", maxLength = InstrumentLimits.POLICY_ID)
            String id,

            @Schema(
                    examples =
                            "ODI % = sum / (5 x answered sections) x 100; scored when at least 9 of 10 sections are answered",
                    maxLength = InstrumentLimits.POLICY_DESCRIPTION)
            String description,

            @Schema(
                    description = "Items that may be unanswered for a score",
                    examples = "1",
                    minimum = "0",
                    maximum = "49")
            int maxMissingItems) {}

    @Schema(name = "ScoreTableRow", description = "One row of a raw-score to T-score conversion table")
    public record ScoreTableRow(
            @Schema(description = "Raw score (sum of the item codes)", examples = "12", minimum = "0", maximum = "5000")
            int raw,

            @Schema(description = "T-score for this raw score", examples = "61.2")
            BigDecimal tScore,

            @Schema(description = "Standard error of the T-score", examples = "1.8")
            BigDecimal standardError) {}

    @Schema(
            name = "ChangeRule",
            description = "How change from baseline is judged (minimal clinically important change)")
    public record ChangeRule(
            @Schema(
                    description = "False for instruments that are not change measures (PGIC, STarT Back)",
                    examples = "true")
            boolean changeMeasure,

            @Schema(
                    nullable = true,
                    description = "Absolute MCID in score points; null when none is established",
                    examples = "10")
            BigDecimal absoluteMcid,

            @Schema(
                    nullable = true,
                    description = "Relative responder threshold (percent improvement), null when it does not apply",
                    examples = "30")
            BigDecimal relativeMcidPercent,

            @Schema(
                    nullable = true,
                    description = "Why change is not computed, for non-change measures",
                    maxLength = InstrumentLimits.CHANGE_NOTE)
            String note) {}
}
