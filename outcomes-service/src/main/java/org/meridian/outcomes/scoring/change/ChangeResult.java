package org.meridian.outcomes.scoring.change;

import java.math.BigDecimal;

/**
 * Change from baseline to follow-up and the responder flags of docs/scoring.md#change-and-responders. Decimals are
 * exact, or 20 decimal
 * places when they do not end; flags were decided on exact fractions. A flag is {@code null} (not false) when
 * its rule does not apply to the instrument or its input is undefined.
 *
 * @param change follow-up - baseline, signed as reported
 * @param improvement positive when the patient is better: baseline - follow-up when higher is worse,
 *        follow-up - baseline when higher is better
 * @param percentImprovement improvement / baseline x 100; null when baseline is 0 or the 30 % rule does not apply
 * @param responderAbsolute improvement >= MCID; null when no MCID is established
 * @param responderRelative percent improvement >= 30; null when percent improvement is null
 * @param deteriorationAbsolute worsening (-improvement) >= MCID; null when no MCID is established
 * @param deteriorationRelative percent improvement <= -30; null when percent improvement is null
 * @param responder true if any non-null responder flag is true, false if all non-null ones are false, null if
 *        both are null
 * @param improvedAtLeast30Percent IMMPACT moderately important improvement (>= 30 %), informational
 * @param improvedAtLeast50Percent IMMPACT substantial improvement (>= 50 %), informational
 */
public record ChangeResult(
        String instrumentCode,
        String instrumentVersion,
        BigDecimal baseline,
        BigDecimal followUp,
        BigDecimal change,
        BigDecimal improvement,
        BigDecimal percentImprovement,
        Boolean responderAbsolute,
        Boolean responderRelative,
        Boolean deteriorationAbsolute,
        Boolean deteriorationRelative,
        Boolean responder,
        Boolean improvedAtLeast30Percent,
        Boolean improvedAtLeast50Percent)
        implements ChangeOutcome {}
