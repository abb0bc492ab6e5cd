package org.meridian.platform.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A request body over the limit (meridian.max-body-bytes), found while reading it. */
public class PayloadTooLargeException extends WebApplicationException {

    public PayloadTooLargeException(long limit) {
        super(
                "Request bodies are limited to " + limit + " bytes",
                Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                        .header("Connection", "close")
                        .build());
    }
}
