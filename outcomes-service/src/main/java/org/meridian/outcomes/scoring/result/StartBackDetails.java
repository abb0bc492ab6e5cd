package org.meridian.outcomes.scoring.result;

import java.util.Objects;

/** STarT Back: total of positive items (0..9), the psychosocial subscale (0..5) and the risk group they imply. */
public record StartBackDetails(int total, Subscales subscales, StartBackRisk category) implements ScoreDetails {

    public StartBackDetails {
        Objects.requireNonNull(subscales, "subscales");
    }

    public StartBackDetails(int total, int psychosocial, StartBackRisk category) {
        this(total, new Subscales(psychosocial), category);
    }

    /** Items 5-8 and the dichotomised item 9 (0..5). */
    public record Subscales(int psychosocial) {}
}
