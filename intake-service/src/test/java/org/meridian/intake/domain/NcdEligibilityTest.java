package org.meridian.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meridian.intake.domain.NcdEligibility.Reason;
import org.meridian.intake.domain.NcdEligibility.Status;

class NcdEligibilityTest {

    @Test
    void twelveWeeksOfNonspecificLowBackPainIsEligible() {
        NcdEligibility eligibility = NcdEligibility.assess(true, 84, 2, false, false, false);
        assertThat(eligibility.status()).isEqualTo(Status.ELIGIBLE);
        assertThat(eligibility.reasons()).isEmpty();
        assertThat(NcdEligibility.assess(true, 83, 2, false, false, false).reasons())
                .containsExactly(Reason.SHORTER_THAN_12_WEEKS);
    }

    @Test
    void wholeMonthsDecideOnlyWhereTheyCan() {
        assertThat(NcdEligibility.assess(true, null, 3, false, false, false).status())
                .isEqualTo(Status.ELIGIBLE);
        assertThat(NcdEligibility.assess(true, null, 1, false, false, false).reasons())
                .containsExactly(Reason.SHORTER_THAN_12_WEEKS);
        NcdEligibility twoMonths = NcdEligibility.assess(true, null, 2, false, false, false);
        assertThat(twoMonths.status()).isEqualTo(Status.UNDETERMINED);
        assertThat(twoMonths.reasons()).containsExactly(Reason.DURATION_UNDETERMINED);
    }

    @Test
    void aFailedCriterionOutweighsAnUnassessedOneAndEveryReasonIsListed() {
        NcdEligibility eligibility = NcdEligibility.assess(false, null, 9, true, null, true);
        assertThat(eligibility.status()).isEqualTo(Status.NOT_ELIGIBLE);
        assertThat(eligibility.reasons())
                .isEqualTo(List.of(
                        Reason.NOT_LOW_BACK_PAIN,
                        Reason.IDENTIFIABLE_SYSTEMIC_CAUSE,
                        Reason.SURGERY_NOT_ASSESSED,
                        Reason.ASSOCIATED_WITH_PREGNANCY));
        assertThat(NcdEligibility.assess(true, null, 9, null, null, null).status())
                .isEqualTo(Status.UNDETERMINED);
    }
}
