package org.meridian.platform.fhir.smart;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The interactions SMART v2 scopes grant, each by its letter in {@code cruds}. */
public enum FhirInteraction {
    CREATE('c'),
    READ('r'),
    UPDATE('u'),
    DELETE('d'),
    SEARCH('s');

    private final char letter;

    FhirInteraction(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    /**
     * The interactions of a SMART v2 permission string: letters of {@code cruds}, each at most once and in that order
     * (SMART App Launch 2.x, "Scopes for requesting FHIR Resources"); SMART v1's {@code read}, {@code write} and
     * {@code *} are read as {@code rs}, {@code cud} and {@code cruds}. Anything else grants nothing.
     */
    static Optional<Set<FhirInteraction>> parse(String permissions) {
        switch (permissions) {
            case "read":
                return Optional.of(EnumSet.of(READ, SEARCH));
            case "write":
                return Optional.of(EnumSet.of(CREATE, UPDATE, DELETE));
            case "*":
                return Optional.of(EnumSet.allOf(FhirInteraction.class));
            default:
                break;
        }
        if (permissions.isEmpty()) {
            return Optional.empty();
        }
        Set<FhirInteraction> granted = EnumSet.noneOf(FhirInteraction.class);
        int next = 0;
        FhirInteraction[] all = values();
        for (char letter : permissions.toCharArray()) {
            while (next < all.length && all[next].letter != letter) {
                next++;
            }
            if (next == all.length) {
                return Optional.empty(); // an unknown letter, a repeated one, or one out of cruds order
            }
            granted.add(all[next++]);
        }
        return Optional.of(granted);
    }
}
