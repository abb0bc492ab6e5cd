package org.meridian.platform.security;

/**
 * The service-to-service endpoints: everything under {@value #PREFIX}, which the gateway does not route and which
 * answers to a service's token only (docs/security.md#service-to-service).
 */
public final class InternalPaths {

    public static final String PREFIX = "/internal/";

    private InternalPaths() {}

    public static boolean isInternal(String path) {
        return path.startsWith(PREFIX);
    }
}
