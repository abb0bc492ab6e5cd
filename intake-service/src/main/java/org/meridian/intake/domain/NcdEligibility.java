package org.meridian.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * US Medicare NCD 30.3.3's definition of chronic low back pain, applied to an intake assessment: lasting 12 weeks or
 * longer; nonspecific (no identifiable systemic cause); not associated with surgery; not associated with pregnancy.
 *
 * @param reasons every criterion that is not met or could not be assessed, in a fixed order; empty when ELIGIBLE
 */
public record NcdEligibility(Status status, List<Reason> reasons) {

    public enum Status {
        /** Every criterion is met. */
        ELIGIBLE,
        /** At least one criterion is not met. */
        NOT_ELIGIBLE,
        /** None fails, but at least one could not be assessed from what was recorded. */
        UNDETERMINED
    }

    public enum Reason {
        NOT_LOW_BACK_PAIN(false),
        SHORTER_THAN_12_WEEKS(false),
        /** Only whole months were given, and 2 months may be more or less than 12 weeks: give the onset date. */
        DURATION_UNDETERMINED(true),
        IDENTIFIABLE_SYSTEMIC_CAUSE(false),
        SYSTEMIC_CAUSE_NOT_ASSESSED(true),
        ASSOCIATED_WITH_SURGERY(false),
        SURGERY_NOT_ASSESSED(true),
        ASSOCIATED_WITH_PREGNANCY(false),
        PREGNANCY_NOT_ASSESSED(true);

        private final boolean unassessed;

        Reason(boolean unassessed) {
            this.unassessed = unassessed;
        }

        public boolean unassessed() {
            return unassessed;
        }
    }

    public static final int MINIMUM_DAYS = 12 * 7;

    /**
     * @param durationDays days from onset to assessment, when the onset date is known; else null
     * @param durationMonths whole months the pain has lasted (from the onset date, or as reported)
     * @param systemicCause an identifiable systemic cause (metastatic, inflammatory, infectious disease...) explains
     *        the pain; null when not assessed
     */
    public static NcdEligibility assess(
            boolean lowBack,
            Integer durationDays,
            int durationMonths,
            Boolean systemicCause,
            Boolean surgery,
            Boolean pregnancy) {
        List<Reason> reasons = new ArrayList<>();
        if (!lowBack) {
            reasons.add(Reason.NOT_LOW_BACK_PAIN);
        }
        if (durationDays != null) {
            if (durationDays < MINIMUM_DAYS) {
                reasons.add(Reason.SHORTER_THAN_12_WEEKS);
            }
        } else if (durationMonths < 2) {
            // Under 2 whole months is under 62 days.
            reasons.add(Reason.SHORTER_THAN_12_WEEKS);
        } else if (durationMonths == 2) {
            // 2 whole months is 59 to 92 days: either side of 84.
            reasons.add(Reason.DURATION_UNDETERMINED);
        }
        reasons.add(criterion(systemicCause, Reason.IDENTIFIABLE_SYSTEMIC_CAUSE, Reason.SYSTEMIC_CAUSE_NOT_ASSESSED));
        reasons.add(criterion(surgery, Reason.ASSOCIATED_WITH_SURGERY, Reason.SURGERY_NOT_ASSESSED));
        reasons.add(criterion(pregnancy, Reason.ASSOCIATED_WITH_PREGNANCY, Reason.PREGNANCY_NOT_ASSESSED));
        reasons.removeIf(Objects::isNull);
        Status status = reasons.stream().anyMatch(reason -> !reason.unassessed())
                ? Status.NOT_ELIGIBLE
                : reasons.isEmpty() ? Status.ELIGIBLE : Status.UNDETERMINED;
        return new NcdEligibility(status, List.copyOf(reasons));
    }

    private static Reason criterion(Boolean present, Reason whenPresent, Reason whenUnknown) {
        return present == null ? whenUnknown : present ? whenPresent : null;
    }
}
