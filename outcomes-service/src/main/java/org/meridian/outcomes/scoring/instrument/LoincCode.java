package org.meridian.outcomes.scoring.instrument;

import java.util.Objects;

/** A LOINC code taken from docs/scoring.md#licences-and-loinc-codes (never invented), with what it identifies. */
public record LoincCode(String code, String meaning) {

    public LoincCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(meaning, "meaning");
    }
}
