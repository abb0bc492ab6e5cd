package org.meridian.intake.rest;

import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.InvalidRequestException;

/** List filters given as query parameters: empty means no filter. */
final class FilterParams {

    private FilterParams() {}

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * {@code true} or {@code false} (any case); JAX-RS would read every other word as false, so "yes" is refused
     * rather than taken to mean inactive.
     */
    static Boolean flag(String name, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidRequestException(name, ErrorCode.INVALID_FORMAT, "must be true or false");
    }
}
