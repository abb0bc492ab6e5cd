package org.meridian.intake.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.NcdEligibility;

@Schema(
        name = "NcdEligibility",
        description =
                "US Medicare NCD 30.3.3's chronic low back pain: lasting 12 weeks or"
                        + " longer, nonspecific (no identifiable systemic cause), not associated with surgery, not associated with"
                        + " pregnancy. NOT_ELIGIBLE when a criterion fails, UNDETERMINED when none fails but one was not assessed")
public record NcdEligibilityDto(
        NcdEligibility.Status status,

        @Schema(
                description = "Every criterion not met or not assessed; empty when ELIGIBLE",
                examples = "[\"SURGERY_NOT_ASSESSED\"]",
                maxItems = 9)
        List<NcdEligibility.Reason> reasons) {

    public static NcdEligibilityDto of(NcdEligibility eligibility) {
        return new NcdEligibilityDto(eligibility.status(), eligibility.reasons());
    }
}
