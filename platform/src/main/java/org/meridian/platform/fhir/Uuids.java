package org.meridian.platform.fhir;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

public final class Uuids {

    // UUID.fromString accepts shortened groups ("1-2-3-4-5"); ids must be the canonical 36-character form.
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    public static Optional<UUID> parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
