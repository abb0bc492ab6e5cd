package org.meridian.outcomes.mapping;

import java.util.Comparator;
import java.util.List;
import org.meridian.outcomes.rest.dto.InstrumentResponse;
import org.meridian.outcomes.scoring.change.ChangeCalculator;
import org.meridian.outcomes.scoring.instrument.ChangeRules;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.math.ScoreRounding;
import org.meridian.outcomes.scoring.rule.PromisTScoreTableRule;
import org.meridian.outcomes.scoring.rule.ScoringRule;
import org.meridian.outcomes.scoring.rule.TScoreConversion;

public final class InstrumentMapper {

    private InstrumentMapper() {}

    public static InstrumentResponse toResponse(InstrumentDefinition definition, boolean current) {
        return new InstrumentResponse(
                definition.code(),
                definition.version(),
                current,
                definition.title(),
                definition.direction().name(),
                definition.recallPeriods().stream().map(Enum::name).toList(),
                definition.licenceNotice(),
                definition.loincCodes().stream()
                        .map(code -> new InstrumentResponse.Loinc(code.code(), code.meaning()))
                        .toList(),
                definition.items().stream()
                        .map(item -> new InstrumentResponse.Item(
                                item.code(),
                                item.text(),
                                item.loincCode().orElse(null),
                                item.responseOptions().stream()
                                        .map(option -> new InstrumentResponse.Option(option.value(), option.label()))
                                        .toList()))
                        .toList(),
                new InstrumentResponse.ScoringPolicy(
                        definition.scoringRule().policyId(),
                        definition.scoringRule().policyDescription(),
                        definition.scoringRule().maxMissingItems()),
                changeRule(definition.changeRules()),
                scoreTable(definition.scoringRule()));
    }

    /** Served from the table the rule scores with, so the document can never disagree with the scores. */
    private static List<InstrumentResponse.ScoreTableRow> scoreTable(ScoringRule rule) {
        if (!(rule instanceof PromisTScoreTableRule tableRule)) {
            return null;
        }
        return tableRule.table().stream()
                .sorted(Comparator.comparingInt(TScoreConversion::rawScore))
                .map(row -> new InstrumentResponse.ScoreTableRow(
                        row.rawScore(), ScoreRounding.forApi(row.tScore()), ScoreRounding.forApi(row.standardError())))
                .toList();
    }

    private static InstrumentResponse.ChangeRule changeRule(ChangeRules rules) {
        return switch (rules) {
            case ChangeRules.Mcid mcid ->
                new InstrumentResponse.ChangeRule(
                        true,
                        mcid.absoluteMcid().orElse(null),
                        mcid.relativeRuleApplies() ? ChangeCalculator.RELATIVE_RESPONDER_PERCENT : null,
                        null);
            case ChangeRules.NotAChangeMeasure not ->
                new InstrumentResponse.ChangeRule(false, null, null, not.reason());
        };
    }
}
