package org.meridian.outcomes.scoring;

import java.util.Objects;

/** Why one item prevents scoring; the service turns these into the 422 problem+json field errors. */
public record ItemProblem(String itemCode, Reason reason, String message) {

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

    /** The precise reason, which the API reports as the error's code. */
    public enum Reason {
        MISSING(Type.MISSING),
        /** A string, boolean, list, object or non-finite number. */
        NOT_A_NUMBER(Type.INVALID_VALUE),
        /** A number with a fraction (2.5). */
        NOT_AN_INTEGER(Type.INVALID_VALUE),
        /** An integer below the item's lowest code or above its highest. */
        OUT_OF_RANGE(Type.INVALID_VALUE),
        /** An integer within the item's lowest and highest codes that is not one of them (a scale with gaps). */
        NOT_AN_OPTION(Type.INVALID_VALUE),
        UNKNOWN_ITEM(Type.UNKNOWN_ITEM);

        private final Type type;

        Reason(Type type) {
            this.type = type;
        }

        public Type type() {
            return type;
        }
    }

    public ItemProblem {
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    public Type type() {
        return reason.type();
    }
}
