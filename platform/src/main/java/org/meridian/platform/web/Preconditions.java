package org.meridian.platform.web;

import jakarta.ws.rs.core.EntityTag;
import org.meridian.platform.web.problem.PreconditionFailedException;
import org.meridian.platform.web.problem.PreconditionRequiredException;

/**
 * Optimistic concurrency over HTTP: every object's ETag is its version ({@code "3"}); updates send it back in
 * If-Match. Full replacements (PUT) require it; state changes (withdraw, acknowledge, transition, cancel) honour it when
 * given.
 */
public final class Preconditions {

    /**
     * The longest If-Match the services read: one of their ETags ({@code W/"-9223372036854775808"} is 24 characters)
     * with room for surrounding spaces; a longer one is a 400 naming it, and the OpenAPI documents say so.
     */
    public static final int MAX_IF_MATCH = 64;

    /** The longest ETag the services send: a version (0 to {@link Long#MAX_VALUE}, 19 digits) in quotes. */
    public static final int MAX_ETAG = 21;

    private Preconditions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version the caller read; a missing If-Match is refused with 428. */
    public static long requiredVersion(String ifMatch) {
        Long version = optionalVersion(ifMatch);
        if (version == null) {
            throw new PreconditionRequiredException();
        }
        return version;
    }

    /**
     * The version the caller read, or null when If-Match is absent or {@code *} (any version); a tag that is not one of
     * our ETags is refused with 412.
     */
    public static Long optionalVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // Not one of our ETags, so it can match no version of the object.
            throw new PreconditionFailedException(
                    "If-Match " + ifMatch.strip() + " is not an ETag of this object; read it again for its ETag");
        }
    }
}
