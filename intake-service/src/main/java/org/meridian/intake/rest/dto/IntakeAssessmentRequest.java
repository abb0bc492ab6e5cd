package org.meridian.intake.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.PainFrequency;
import org.meridian.intake.domain.PainSite;
import org.meridian.intake.domain.PriorTreatment;
import org.meridian.intake.domain.WorkStatus;
import org.meridian.intake.rest.validation.Consistent;
import org.meridian.intake.rest.validation.CrossFieldRules;
import org.meridian.platform.web.problem.ErrorCode;

@Consistent
@Schema(
        name = "IntakeAssessmentRequest",
        description = "Back-pain history at the first visit. Give either onsetDate or"
                + " painDurationMonths. Two classifications are computed: chronicity (NIH Task Force, for low back pain: >= 3"
                + " months and pain on at least half the days of the past 6 months) and ncdEligibility (US Medicare NCD 30.3.3:"
                + " >= 12 weeks, nonspecific, not associated with surgery or pregnancy)")
public record IntakeAssessmentRequest(
        @Schema(examples = "2026-11-22") @NotNull @PastOrPresent
        LocalDate assessedOn,

        @Schema(
                description =
                        "Practitioner of this clinic who took the history. A practitioner may name only themselves"
                                + " (default: the caller); a clinic admin entering the record may name any, and is kept as enteredBy",
                examples = "3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60")
        UUID assessedBy,

        @Schema(
                description = "At least one site; at most one sciatica value",
                examples = "[\"LOW_BACK\", \"SCIATICA_LEFT\"]")
        @NotEmpty
        @Size(max = 3)
        List<@NotNull PainSite> painSites,

        @Schema(description = "When the pain began", examples = "2026-02-10") @PastOrPresent
        LocalDate onsetDate,

        @Schema(
                description = "How long the pain has been an ongoing problem, when the onset date is not known",
                examples = "9",
                minimum = "0",
                maximum = "1200")
        @Min(0)
        @Max(1200)
        Integer painDurationMonths,

        @Schema(description = "How often the pain was an ongoing problem over the past 6 months") @NotNull
        PainFrequency painFrequency,

        @Schema(
                description =
                        "NCD 30.3.3: an identifiable systemic cause (metastatic, inflammatory, infectious disease,"
                                + " ...) explains the pain; leave out if not assessed",
                examples = "false")
        Boolean identifiableSystemicCause,

        @Schema(
                description = "NCD 30.3.3: the pain is associated with surgery; leave out if not assessed",
                examples = "false")
        Boolean associatedWithSurgery,

        @Schema(
                description = "NCD 30.3.3: the pain is associated with pregnancy; leave out if not assessed",
                examples = "false")
        Boolean associatedWithPregnancy,

        @NotNull @Valid RedFlagsDto redFlags,
        @Size(max = 20) List<@NotNull @Valid AnalgesicUseDto> analgesics,
        @Size(max = 10) List<@NotNull PriorTreatment> priorTreatments,
        @NotNull WorkStatus workStatus,

        @Schema(examples = "Pain worse after prolonged sitting at work", maxLength = 2000) @Size(max = 2000)
        String notes)
        implements CrossFieldRules {

    @Override
    public List<BrokenRule> brokenRules() {
        List<BrokenRule> broken = new ArrayList<>();
        if ((onsetDate == null) == (painDurationMonths == null)) {
            broken.add(new BrokenRule(
                    "onsetDate", ErrorCode.INCONSISTENT, "give either onsetDate or painDurationMonths, not both"));
        }
        if (onsetDate != null && assessedOn != null && onsetDate.isAfter(assessedOn)) {
            broken.add(new BrokenRule("onsetDate", ErrorCode.INCONSISTENT, "must not be after assessedOn"));
        }
        if (painSites != null
                && painSites.stream()
                                .filter(site -> site != null && site.name().startsWith("SCIATICA"))
                                .count()
                        > 1) {
            broken.add(new BrokenRule(
                    "painSites",
                    ErrorCode.INCONSISTENT,
                    "at most one of SCIATICA_LEFT, SCIATICA_RIGHT, SCIATICA_BILATERAL"));
        }
        return broken;
    }
}
