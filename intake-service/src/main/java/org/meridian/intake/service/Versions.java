package org.meridian.intake.service;

import org.meridian.platform.web.problem.PreconditionFailedException;

/** Optimistic concurrency: a change applies only to the version the caller last read. */
final class Versions {

    private Versions() {}

    /** A null expectation means the caller did not send If-Match where it is optional. */
    static void check(String resourceType, Long expected, long current) {
        if (expected != null && expected != current) {
            throw PreconditionFailedException.staleVersion(resourceType, expected, current);
        }
    }
}
