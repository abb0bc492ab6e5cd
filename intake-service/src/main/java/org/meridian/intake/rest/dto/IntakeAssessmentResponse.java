package org.meridian.intake.rest.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.Chronicity;
import org.meridian.intake.domain.PainFrequency;
import org.meridian.intake.domain.PainSite;
import org.meridian.intake.domain.PriorTreatment;
import org.meridian.intake.domain.WorkStatus;

@Schema(name = "IntakeAssessment")
public record IntakeAssessmentResponse(
        @Schema(examples = "5e6f7a8b-2222-4e8f-a1c2-d3e4f5a6b7c8")
        UUID id,

        @Schema(examples = "7c2e9a10-5b3d-4e8f-a1c2-d3e4f5a6b7c8")
        UUID patientId,

        @Schema(examples = "2026-11-22") LocalDate assessedOn,

        @Schema(examples = "3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60")
        UUID assessedBy,

        @Schema(examples = "[\"LOW_BACK\", \"SCIATICA_LEFT\"]", maxItems = 3)
        List<PainSite> painSites,

        @Schema(nullable = true, examples = "2026-02-10") LocalDate onsetDate,

        @Schema(
                description = "Whole months the pain has been an ongoing problem (computed from onsetDate when given)",
                examples = "9",
                minimum = "0",
                maximum = "2147483647")
        int painDurationMonths,

        PainFrequency painFrequency,

        @Schema(
                nullable = true,
                description = "Days from onsetDate to assessedOn; null when only months were reported",
                examples = "285",
                minimum = "0",
                maximum = "2147483647")
        Integer painDurationDays,

        @Schema(
                description =
                        "NIH Task Force (research), computed: CHRONIC when painDurationMonths >= 3 and painFrequency"
                                + " is at least half the days; NOT_APPLICABLE without low back pain (upper back only, or leg pain alone)")
        Chronicity chronicity,

        @Schema(nullable = true, examples = "false") Boolean identifiableSystemicCause,
        @Schema(nullable = true, examples = "false") Boolean associatedWithSurgery,
        @Schema(nullable = true, examples = "false") Boolean associatedWithPregnancy,

        @Schema(description = "US Medicare NCD 30.3.3 eligibility, computed")
        NcdEligibilityDto ncdEligibility,

        RedFlagsDto redFlags,
        @Schema(examples = "false") boolean redFlagPositive,

        @Schema(nullable = true, description = "Present once a practitioner acknowledged the red flags")
        RedFlagAcknowledgementResponse redFlagAcknowledgement,

        @Schema(description = "True while the red flags await acknowledgement", examples = "false")
        boolean referBeforeNeedling,

        @Schema(maxItems = 20) List<AnalgesicUseDto> analgesics,
        @Schema(maxItems = 10) List<PriorTreatment> priorTreatments,
        WorkStatus workStatus,

        @Schema(nullable = true, examples = "Pain worse after prolonged sitting at work", maxLength = 2000)
        String notes,

        @Schema(nullable = true, description = "Who entered the record (null for records made before this was kept)")
        ActorDto enteredBy,

        @Schema(examples = "2026-11-22T09:40:00Z") OffsetDateTime recordedAt,

        @Schema(
                description = "Optimistic-concurrency version; also sent as the ETag",
                examples = "0",
                minimum = "0",
                maximum = "9223372036854775807")
        long version) {}
