package org.meridian.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ChronicityClassifierTest {

    @Test
    void painOfExactlyThreeMonthsOnMostDaysIsChronic() {
        assertThat(ChronicityClassifier.classify(3, PainFrequency.EVERY_DAY_OR_NEARLY_EVERY_DAY))
                .isEqualTo(Chronicity.CHRONIC);
    }

    @Test
    void painOnAtLeastHalfTheDaysCountsAsFrequentEnough() {
        assertThat(ChronicityClassifier.classify(3, PainFrequency.AT_LEAST_HALF_THE_DAYS))
                .isEqualTo(Chronicity.CHRONIC);
    }

    @Test
    void painOfTwoMonthsIsNotChronicHoweverFrequent() {
        assertThat(ChronicityClassifier.classify(2, PainFrequency.EVERY_DAY_OR_NEARLY_EVERY_DAY))
                .isEqualTo(Chronicity.NOT_CHRONIC);
    }

    @Test
    void longStandingPainOnLessThanHalfTheDaysIsNotChronic() {
        assertThat(ChronicityClassifier.classify(120, PainFrequency.LESS_THAN_HALF_THE_DAYS))
                .isEqualTo(Chronicity.NOT_CHRONIC);
    }

    @Test
    void durationCountsWholeCalendarMonthsUpToTheAssessmentDay() {
        LocalDate onset = LocalDate.of(2026, 1, 15);
        assertThat(ChronicityClassifier.durationMonths(onset, LocalDate.of(2026, 4, 15)))
                .isEqualTo(3);
        assertThat(ChronicityClassifier.durationMonths(onset, LocalDate.of(2026, 4, 14)))
                .isEqualTo(2);
        assertThat(ChronicityClassifier.durationMonths(onset, onset)).isZero();
    }

    @Test
    void durationFromTheEndOfAMonthIsNotInflatedByShortMonths() {
        // 30 November to 28 February is not yet 3 whole months; 30 November to 1 March is.
        assertThat(ChronicityClassifier.durationMonths(LocalDate.of(2025, 11, 30), LocalDate.of(2026, 2, 28)))
                .isEqualTo(2);
        assertThat(ChronicityClassifier.durationMonths(LocalDate.of(2025, 11, 30), LocalDate.of(2026, 3, 1)))
                .isEqualTo(3);
    }

    @Test
    void theDefinitionIsForLowBackPainWithOrWithoutLegPain() {
        PainFrequency daily = PainFrequency.EVERY_DAY_OR_NEARLY_EVERY_DAY;
        assertThat(ChronicityClassifier.classify(EnumSet.of(PainSite.UPPER_BACK), 9, daily))
                .isEqualTo(Chronicity.NOT_APPLICABLE);
        assertThat(ChronicityClassifier.classify(EnumSet.of(PainSite.SCIATICA_LEFT), 9, daily))
                .isEqualTo(Chronicity.NOT_APPLICABLE);
        assertThat(ChronicityClassifier.classify(EnumSet.of(PainSite.LOW_BACK, PainSite.SCIATICA_LEFT), 9, daily))
                .isEqualTo(Chronicity.CHRONIC);
        assertThat(ChronicityClassifier.classify(EnumSet.of(PainSite.LOW_BACK, PainSite.UPPER_BACK), 2, daily))
                .isEqualTo(Chronicity.NOT_CHRONIC);
    }
}
