package org.meridian.platform.web;

import jakarta.ws.rs.BadRequestException;

/** A JSON string (or name) in the request body holding half of a UTF-16 surrogate pair. */
public class UnpairedSurrogateException extends BadRequestException {

    public static final String MESSAGE = "must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF)";

    private final String field;

    public UnpairedSurrogateException(String field) {
        super("Field '" + field + "' " + MESSAGE);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
