package org.meridian.outcomes.rest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.InvalidRequestException;

/**
 * Parses optional query parameters so that a malformed value is a 400 naming the parameter (JAX-RS would answer 404
 * for a query parameter it cannot convert).
 */
final class QueryParams {

    private QueryParams() {}

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, ErrorCode.INVALID_FORMAT, "must be a UUID");
        }
    }

    static OffsetDateTime dateTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    name,
                    ErrorCode.INVALID_FORMAT,
                    "must be an ISO 8601 date-time with offset, e.g. 2026-11-22T09:30:00Z");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    name, ErrorCode.NOT_AN_OPTION, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
