package org.meridian.intake.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The NIH Task Force on Research Standards for Chronic Low Back Pain (Deyo et al. 2014) definition: back pain is chronic
 * when it has been an ongoing problem for at least 3 months AND has occurred on at least half the days in the past
 * 6 months.
 */
public final class ChronicityClassifier {

    public static final int MINIMUM_DURATION_MONTHS = 3;

    private ChronicityClassifier() {
    }

    public static Chronicity classify(int durationMonths, PainFrequency frequencyPastSixMonths) {
        boolean longEnough = durationMonths >= MINIMUM_DURATION_MONTHS;
        boolean frequentEnough = frequencyPastSixMonths == PainFrequency.EVERY_DAY_OR_NEARLY_EVERY_DAY
                || frequencyPastSixMonths == PainFrequency.AT_LEAST_HALF_THE_DAYS;
        return longEnough && frequentEnough ? Chronicity.CHRONIC : Chronicity.NOT_CHRONIC;
    }

    /** Whole calendar months from onset to assessment: 15 January to 15 April is 3, to 14 April is 2. */
    public static int durationMonths(LocalDate onset, LocalDate assessedOn) {
        return (int) Math.max(0, ChronoUnit.MONTHS.between(onset, assessedOn));
    }
}
