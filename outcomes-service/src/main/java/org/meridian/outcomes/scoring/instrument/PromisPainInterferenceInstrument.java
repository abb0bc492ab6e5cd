package org.meridian.outcomes.scoring.instrument;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.meridian.outcomes.scoring.rule.PromisTScoreTableRule;
import org.meridian.outcomes.scoring.rule.TScoreConversion;

/** PROMIS Pain Interference Short Form v1.0 4a (docs/scoring.md#promis-pain-interference-4a). */
final class PromisPainInterferenceInstrument {

    static final String VERSION = "1.0";

    // Raw -> T-score (SE) table for PROMIS PI SF v1.0 4a (docs/scoring.md#promis-pain-interference-4a).
    static final List<TScoreConversion> T_SCORE_TABLE = List.of(
            TScoreConversion.of(4, "41.6", "6.1"),
            TScoreConversion.of(5, "49.6", "2.5"),
            TScoreConversion.of(6, "52.0", "2.0"),
            TScoreConversion.of(7, "53.9", "1.9"),
            TScoreConversion.of(8, "55.6", "1.9"),
            TScoreConversion.of(9, "57.1", "1.9"),
            TScoreConversion.of(10, "58.5", "1.8"),
            TScoreConversion.of(11, "59.9", "1.8"),
            TScoreConversion.of(12, "61.2", "1.8"),
            TScoreConversion.of(13, "62.5", "1.8"),
            TScoreConversion.of(14, "63.8", "1.8"),
            TScoreConversion.of(15, "65.2", "1.8"),
            TScoreConversion.of(16, "66.6", "1.8"),
            TScoreConversion.of(17, "68.0", "1.8"),
            TScoreConversion.of(18, "69.7", "1.9"),
            TScoreConversion.of(19, "71.6", "2.1"),
            TScoreConversion.of(20, "75.6", "3.7"));

    private PromisPainInterferenceInstrument() {}

    static InstrumentDefinition create(BigDecimal mcidTPoints) {
        // docs/scoring.md#promis-pain-interference-4a: percent change is meaningless on T-scores, so the 30 % rule
        // does not apply.
        return new InstrumentDefinition(
                InstrumentCodes.PROMIS_PI_4A,
                VERSION,
                "PROMIS Pain Interference Short Form v1.0 4a",
                PromisItems.painInterference(),
                List.of(RecallPeriod.PAST_WEEK),
                ScoreDirection.HIGHER_IS_WORSE,
                PromisItems.ATTRIBUTION,
                List.of(),
                new PromisTScoreTableRule("promis-pi-4a-v1.0-t-score-table-all-items-required", T_SCORE_TABLE),
                new ChangeRules.Mcid(Optional.of(mcidTPoints), false));
    }
}
