package org.meridian.outcomes.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.meridian.outcomes.scoring.math.Rational;
import org.meridian.outcomes.scoring.math.ScoreRounding;
import org.meridian.outcomes.scoring.result.ScoreDetails;

/**
 * A scored submission, with what is needed to recompute and explain it later.
 *
 * <p>The primary score is NRS value, ODI %, RMDQ yes count, PEG mean, STarT Back total, PROMIS T-score, PGIC
 * code or ISS total. {@code exactValue} is the exact fraction (ODI 30/45 -> 200/3): use it, or rescore the stored
 * answers, for change calculations; {@link #value()} rounds values whose decimal expansion does not end.
 *
 * @param itemsUsed the answered items the score was computed from, in instrument order
 * @param itemsMissing the unanswered items the policy tolerated (e.g. one ODI section), in instrument order
 */
public record Score(
        String instrumentCode,
        String instrumentVersion,
        String policyId,
        Rational exactValue,
        ScoreDetails details,
        List<String> itemsUsed,
        List<String> itemsMissing)
        implements ScoringOutcome {

    public Score {
        Objects.requireNonNull(exactValue, "exactValue");
        Objects.requireNonNull(details, "details");
        itemsUsed = List.copyOf(itemsUsed);
        itemsMissing = List.copyOf(itemsMissing);
    }

    /** Exact when the decimal ends (40, 41.6), otherwise 20 decimal places (see {@link Rational#toBigDecimal()}). */
    public BigDecimal value() {
        return exactValue.toBigDecimal();
    }

    /** The primary score rounded half-up to 4 decimals for API output (11/3 -> 3.6667). */
    public BigDecimal roundedValue() {
        return ScoreRounding.forApi(exactValue);
    }
}
