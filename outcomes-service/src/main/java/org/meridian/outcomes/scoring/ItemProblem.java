package org.meridian.outcomes.scoring;

import java.util.Objects;

/** Why one item prevents scoring; the service turns these into the 422 problem+json field errors. */
public record ItemProblem(String itemCode, Type type, String message) {

    public enum Type {
        /** Absent or null, and the policy needs it. */
        MISSING,
        /** Not one of the item's integer codes: out of range, a fraction, a string, a boolean... */
        INVALID_VALUE,
        /** Not an item of this instrument version. */
        UNKNOWN_ITEM;

        /**
         * docs/scoring.md#answers-missing-versus-invalid: invalid answers are never treated as missing, even in draft
         * mode.
         */
        public boolean isInvalid() {
            return this != MISSING;
        }
    }

    public ItemProblem {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
