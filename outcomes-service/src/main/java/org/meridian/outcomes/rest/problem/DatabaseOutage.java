package org.meridian.outcomes.rest.problem;

import java.sql.SQLException;

/**
 * Recognises a failure caused by the database being unreachable (connection refused or lost, no connection
 * available in time), which callers should see as a retryable 503, not a 500.
 */
final class DatabaseOutage {

    static final String RETRY_AFTER_SECONDS = "5";
    /** SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or not accepting connections. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || state.startsWith("57P0"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
        }
        return false;
    }
}
