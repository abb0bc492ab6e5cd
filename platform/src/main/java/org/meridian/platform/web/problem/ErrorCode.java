package org.meridian.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Why one field, parameter or questionnaire item was refused: the {@code code} of every entry of a problem's
 * {@code errors}, so a client can react without reading the English {@code message}. A closed vocabulary, documented
 * in docs/conventions.md; adding a code is an API change (SDKs hold it as an enum).
 */
public enum ErrorCode {
    /** Absent, null or blank where a value is needed; an unanswered questionnaire item the scoring needs. */
    REQUIRED,
    /** Text or a list longer than allowed. */
    TOO_LONG,
    /** Text or a list shorter than allowed. */
    TOO_SHORT,
    /** A number or date outside its bounds; an answer outside the item's scale. */
    OUT_OF_RANGE,
    /** Text that does not have the required form (pattern, e-mail address, UUID, date, digits). */
    INVALID_FORMAT,
    /** Not one of the allowed values: an enum constant, an acupoint, a time zone, an answer among an item's codes. */
    NOT_AN_OPTION,
    /** A questionnaire answer that is not a number. */
    NOT_A_NUMBER,
    /** A number where an integer is needed (2.5 for a code). */
    NOT_AN_INTEGER,
    /** A JSON value of the wrong type (a number where a string is declared, an object for a list). */
    WRONG_TYPE,
    /** Text holding a character that cannot be stored: U+0000 or half of a UTF-16 surrogate pair. */
    INVALID_CHARACTER,
    /** An answer key that is not an item of the instrument. */
    UNKNOWN_ITEM,
    /** The same value given twice where each must be distinct, or one another object already has. */
    NOT_UNIQUE,
    /** Names an object that does not exist here (an unknown id, instrument or version). */
    NOT_FOUND,
    /** Names an object that exists but is not active. */
    INACTIVE,
    /** Not allowed in this request: for this timepoint, status or caller (acting for another). */
    NOT_ALLOWED,
    /** Contradicts another field of the request or the stored data (a date before the one it follows). */
    INCONSISTENT,
    /** A follow-up questionnaire for a patient without a treatment episode it could follow. */
    NO_EPISODE,
    /** A value that cannot be read at all. */
    MALFORMED;

    private final String value = name().toLowerCase(Locale.ROOT);

    /** The wire form, {@code snake_case}: {@code required}, {@code out_of_range}. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Every code's wire form, in declaration order (the OpenAPI enum). */
    public static List<String> wireValues() {
        return Arrays.stream(values()).map(ErrorCode::value).toList();
    }
}
