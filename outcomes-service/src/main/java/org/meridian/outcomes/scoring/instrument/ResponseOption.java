package org.meridian.outcomes.scoring.instrument;

import java.util.Objects;

/** One allowed answer code of an item and the label an app may show for it. */
public record ResponseOption(int value, String label) {

    public ResponseOption {
        Objects.requireNonNull(label, "label");
    }
}
