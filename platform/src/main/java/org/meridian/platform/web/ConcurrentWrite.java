package org.meridian.platform.web;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.StaleStateException;

/** A write the database refused because another request raced it: answered 409 on /api and /fhir alike. */
public enum ConcurrentWrite {
    /** Two writers of one object (an optimistic lock or a row gone stale). */
    SAME_OBJECT,
    /** Two writers of one unique value. */
    SAME_VALUE;

    private static final String UNIQUE_VIOLATION = "23505";

    public static Optional<ConcurrentWrite> causing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Optional.of(SAME_OBJECT);
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return Optional.of(SAME_VALUE);
            }
        }
        return Optional.empty();
    }
}
