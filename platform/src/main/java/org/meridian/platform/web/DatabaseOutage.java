package org.meridian.platform.web;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Recognises a failure caused by the database being unreachable (connection refused or lost, no connection
 * available in time), which callers should see as a retryable 503, not a 500. Shared by the problem+json mappers and
 * the FHIR endpoints' OperationOutcome mapping.
 */
public final class DatabaseOutage {

    public static final String RETRY_AFTER_SECONDS = "5";
    /** SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or not accepting connections. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || state.startsWith("57P0"))) {
                    return true;
                }
                if (isAcquisitionTimeout(sql.getMessage())) {
                    return true;
                }
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Agroal has no SQLSTATE for "no connection in time" and words it two ways: "Acquisition timeout while waiting
     * for new connection" (opening one failed) and "Sorry, acquisition timeout!" (every connection stayed busy).
     */
    private static boolean isAcquisitionTimeout(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
