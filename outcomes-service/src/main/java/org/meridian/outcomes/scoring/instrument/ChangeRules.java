package org.meridian.outcomes.scoring.instrument;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** How change from baseline is judged for an instrument (docs/scoring.md#change-and-responders). */
public sealed interface ChangeRules {

    /**
     * A change measure.
     *
     * @param absoluteMcid minimal clinically important change in score points; empty when none is established (PEG)
     * @param relativeRuleApplies whether the >= 30 % improvement rule (and percent improvement) is meaningful
     */
    record Mcid(Optional<BigDecimal> absoluteMcid, boolean relativeRuleApplies) implements ChangeRules {

        public Mcid {
            Objects.requireNonNull(absoluteMcid, "absoluteMcid");
            absoluteMcid.ifPresent(points -> {
                if (points.signum() <= 0) {
                    throw new IllegalArgumentException("MCID must be positive, was " + points);
                }
            });
        }

        public static Mcid of(String absolutePoints, boolean relativeRuleApplies) {
            return new Mcid(Optional.of(new BigDecimal(absolutePoints)), relativeRuleApplies);
        }

        public static Mcid relativeOnly() {
            return new Mcid(Optional.empty(), true);
        }
    }

    /** Not a change-from-baseline measure (a risk screen, or itself a rating of change). */
    record NotAChangeMeasure(String reason) implements ChangeRules {

        public NotAChangeMeasure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
