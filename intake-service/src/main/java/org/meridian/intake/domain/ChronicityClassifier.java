package org.meridian.intake.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * The NIH Task Force on Research Standards for Chronic Low Back Pain (Deyo et al. 2014) definition: back pain is chronic
 * when it has been an ongoing problem for at least 3 months AND has occurred on at least half the days in the past
 * 6 months. It concerns low back pain, with or without radiating leg pain; other sites are NOT_APPLICABLE.
 * "3 months" is read as whole calendar months from the onset (docs/clinical-rules.md).
 */
public final class ChronicityClassifier {

    public static final int MINIMUM_DURATION_MONTHS = 3;

    private ChronicityClassifier() {}

    /** The classification for the recorded sites: the definition is for low back pain, with or without leg pain. */
    public static Chronicity classify(Set<PainSite> sites, int durationMonths, PainFrequency frequencyPastSixMonths) {
        return sites.contains(PainSite.LOW_BACK)
                ? classify(durationMonths, frequencyPastSixMonths)
                : Chronicity.NOT_APPLICABLE;
    }

    /** The time criteria alone. */
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
