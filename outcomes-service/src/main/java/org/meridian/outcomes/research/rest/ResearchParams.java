package org.meridian.outcomes.research.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.InvalidRequestException;

/** Parses query parameters so that a malformed value is a 400 naming it (JAX-RS would answer 404). */
final class ResearchParams {

    /** The longest code a filter takes (instrument version, pain site, chronicity, age band, sex). */
    static final int MAX_CODE = 64;
    /**
     * The most clinic ids one aggregate may filter on: 50 repeated parameters (2,300 characters) leave room for the
     * other filters within the request line the server reads (4 KiB); a longer line is refused before the service.
     */
    static final int MAX_CLINICS = 50;
    /** The groupBy dimensions, each at most once. */
    static final int MAX_GROUP_BY = 5;

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.+-]{1," + MAX_CODE + "}");

    private ResearchParams() {}

    static String code(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (!CODE.matcher(stripped).matches()) {
            throw new InvalidRequestException(name, ErrorCode.INVALID_FORMAT, "must be 1-64 letters, digits or _.+-");
        }
        return stripped;
    }

    static List<UUID> uuids(String name, List<String> values, int max) {
        List<UUID> result = new ArrayList<>();
        for (String value : split(name, values, max)) {
            try {
                result.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                        name, ErrorCode.INVALID_FORMAT, "must be UUIDs (repeat the parameter or separate with commas)");
            }
        }
        return result;
    }

    static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new InvalidRequestException(
                        name, ErrorCode.OUT_OF_RANGE, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, ErrorCode.INVALID_FORMAT, "must be an integer");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    name,
                    ErrorCode.INVALID_FORMAT,
                    "must be an ISO 8601 date-time with offset, e.g. 2026-11-22T09:30:00Z");
        }
    }

    static <E extends Enum<E>> List<E> enums(String name, List<String> values, Class<E> type, int max) {
        List<E> result = new ArrayList<>();
        for (String value : split(name, values, max)) {
            try {
                E constant = Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
                if (!result.contains(constant)) {
                    result.add(constant);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(
                        name, ErrorCode.NOT_AN_OPTION, "must be among " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return result;
    }

    /** The values, repeated or comma-separated; more than {@code max} is a 400 naming the parameter. */
    private static List<String> split(String name, List<String> values, int max) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.strip());
                    }
                }
            }
        }
        if (result.size() > max) {
            throw new InvalidRequestException(name, ErrorCode.TOO_LONG, "must name at most " + max + " values");
        }
        return result;
    }
}
