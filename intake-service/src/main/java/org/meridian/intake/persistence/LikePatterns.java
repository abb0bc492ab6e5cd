package org.meridian.intake.persistence;

import java.util.Locale;

/** A case-insensitive "contains" for a JPQL {@code lower(x) like :p escape '\'}, with the user's % and _ literal. */
final class LikePatterns {

    private LikePatterns() {}

    static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
