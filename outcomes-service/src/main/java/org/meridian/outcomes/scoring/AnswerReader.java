package org.meridian.outcomes.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import org.meridian.outcomes.scoring.instrument.ItemDefinition;

/**
 * Reads one JSON-decoded answer (as Jackson produces it) as an item code.
 * docs/scoring.md#answers-missing-versus-invalid: absent or null is
 * missing; anything that is not one of the item's integer codes is invalid, never missing.
 */
final class AnswerReader {

    sealed interface Reading {}

    record Missing() implements Reading {}

    record Valid(int code) implements Reading {}

    record Invalid(ItemProblem.Reason reason, String message) implements Reading {}

    private AnswerReader() {}

    static Reading read(Object answer, ItemDefinition item) {
        if (answer == null) {
            return new Missing();
        }
        String codes = "must be one of the codes " + item.describeCodes();
        BigDecimal number = asNumber(answer);
        if (number == null) {
            return new Invalid(ItemProblem.Reason.NOT_A_NUMBER, codes + ", not " + describeType(answer));
        }
        // A JSON number with a zero fraction (3.0) is the integer 3, as in JSON Schema; 2.5 is not an integer.
        if (number.stripTrailingZeros().scale() > 0) {
            return new Invalid(ItemProblem.Reason.NOT_AN_INTEGER, codes + "; a fraction is not a code");
        }
        if (number.compareTo(BigDecimal.valueOf(item.minimumValue())) < 0
                || number.compareTo(BigDecimal.valueOf(item.maximumValue())) > 0) {
            return new Invalid(ItemProblem.Reason.OUT_OF_RANGE, codes + "; the answer is outside them");
        }
        if (!item.allows(number.intValue())) {
            return new Invalid(ItemProblem.Reason.NOT_AN_OPTION, codes + "; the answer is not one of them");
        }
        return new Valid(number.intValue());
    }

    private static BigDecimal asNumber(Object answer) {
        return switch (answer) {
            case Integer value -> BigDecimal.valueOf(value);
            case Long value -> BigDecimal.valueOf(value);
            case Short value -> BigDecimal.valueOf(value);
            case Byte value -> BigDecimal.valueOf(value);
            case BigInteger value -> new BigDecimal(value);
            case BigDecimal value -> value;
            case Double value when Double.isFinite(value) -> BigDecimal.valueOf(value);
            case Float value when Float.isFinite(value) -> new BigDecimal(value.toString());
            default -> null;
        };
    }

    private static String describeType(Object answer) {
        return switch (answer) {
            case String ignored -> "a string";
            case Boolean ignored -> "a boolean";
            case Number ignored -> "a non-finite number";
            case Collection<?> ignored -> "a list";
            case Map<?, ?> ignored -> "an object";
            default -> "a " + answer.getClass().getSimpleName();
        };
    }
}
