package org.meridian.outcomes.scoring.change;

import java.math.BigDecimal;
import java.util.Objects;
import org.meridian.outcomes.scoring.Score;
import org.meridian.outcomes.scoring.instrument.ChangeRules;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.scoring.instrument.ScoreDirection;
import org.meridian.outcomes.scoring.math.Rational;

/**
 * Change from baseline, responder and deterioration flags (docs/scoring.md#change-and-responders).
 * All comparisons are made on exact fractions and are inclusive. Stateless and thread-safe.
 */
public final class ChangeCalculator {

    /** Ostelo 2008 relative rule, also IMMPACT's moderately important improvement. */
    public static final BigDecimal RELATIVE_RESPONDER_PERCENT = BigDecimal.valueOf(30);
    /** IMMPACT (Dworkin 2008) substantial improvement. */
    public static final BigDecimal SUBSTANTIAL_IMPROVEMENT_PERCENT = BigDecimal.valueOf(50);

    private static final BigDecimal RELATIVE_DETERIORATION_PERCENT = RELATIVE_RESPONDER_PERCENT.negate();

    /**
     * Compares two scores of {@code instrument}; both must come from that instrument code and version.
     * Uses the scores' exact fractions, so ODI 30/45 -> 21/45 is exactly 30 %.
     */
    public ChangeOutcome calculate(InstrumentDefinition instrument, Score baseline, Score followUp) {
        requireScoreOf(instrument, baseline, "baseline");
        requireScoreOf(instrument, followUp, "followUp");
        return calculate(instrument, baseline.exactValue(), followUp.exactValue());
    }

    /**
     * Compares two primary scores given as exact fractions. Convert a stored decimal with
     * {@code Rational.of(BigDecimal)} only if it is exact: a rounded ODI percent (66.67 for 200/3) can miss the
     * 30 % rule; keep {@link Score#exactValue()} ({@code Rational.parse("200/3")}) or rescore the stored answers.
     */
    public ChangeOutcome calculate(InstrumentDefinition instrument, Rational baseline, Rational followUp) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(followUp, "followUp");
        return switch (instrument.changeRules()) {
            case ChangeRules.NotAChangeMeasure notApplicable ->
                new ChangeNotApplicable(instrument.code(), instrument.version(), notApplicable.reason());
            case ChangeRules.Mcid mcid -> compare(instrument, mcid, baseline, followUp);
        };
    }

    private static ChangeResult compare(
            InstrumentDefinition instrument, ChangeRules.Mcid mcid, Rational baseline, Rational followUp) {
        Rational change = followUp.subtract(baseline);
        Rational improvement = instrument.direction() == ScoreDirection.HIGHER_IS_BETTER ? change : change.negate();
        Rational worsening = improvement.negate();
        // docs/scoring.md#change-and-responders: percent improvement is undefined at baseline 0, and meaningless where
        // the 30 % rule
        // does not apply (T-scores, ISS).
        Rational percentImprovement = mcid.relativeRuleApplies() && !baseline.isZero()
                ? improvement.divide(baseline).multiply(Rational.ONE_HUNDRED)
                : null;

        Boolean responderAbsolute =
                mcid.absoluteMcid().map(improvement::isAtLeast).orElse(null);
        Boolean deteriorationAbsolute =
                mcid.absoluteMcid().map(worsening::isAtLeast).orElse(null);
        Boolean responderRelative = atLeast(percentImprovement, RELATIVE_RESPONDER_PERCENT);
        Boolean deteriorationRelative =
                percentImprovement == null ? null : percentImprovement.isAtMost(RELATIVE_DETERIORATION_PERCENT);

        return new ChangeResult(
                instrument.code(),
                instrument.version(),
                baseline.toBigDecimal(),
                followUp.toBigDecimal(),
                change.toBigDecimal(),
                improvement.toBigDecimal(),
                percentImprovement == null ? null : percentImprovement.toBigDecimal(),
                responderAbsolute,
                responderRelative,
                deteriorationAbsolute,
                deteriorationRelative,
                anyResponder(responderAbsolute, responderRelative),
                responderRelative,
                atLeast(percentImprovement, SUBSTANTIAL_IMPROVEMENT_PERCENT));
    }

    private static Boolean atLeast(Rational percent, BigDecimal threshold) {
        return percent == null ? null : percent.isAtLeast(threshold);
    }

    /**
     * docs/scoring.md#change-and-responders: true if any non-null flag is true, false if all non-null ones are false,
     * null if both are null.
     */
    private static Boolean anyResponder(Boolean absolute, Boolean relative) {
        if (absolute == null && relative == null) {
            return null;
        }
        return Boolean.TRUE.equals(absolute) || Boolean.TRUE.equals(relative);
    }

    private static void requireScoreOf(InstrumentDefinition instrument, Score score, String name) {
        Objects.requireNonNull(score, name);
        if (!score.instrumentCode().equals(instrument.code())
                || !score.instrumentVersion().equals(instrument.version())) {
            throw new IllegalArgumentException(name + " is a score of " + score.instrumentCode() + " "
                    + score.instrumentVersion() + ", not of " + instrument.label());
        }
    }
}
