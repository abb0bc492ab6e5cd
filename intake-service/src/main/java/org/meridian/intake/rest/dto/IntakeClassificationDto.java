package org.meridian.intake.rest.dto;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.Chronicity;

@Schema(
        name = "IntakeClassification",
        description = "Both classifications of the patient's back pain, from their latest"
                + " intake assessment: NIH Task Force chronicity (research) and US Medicare NCD 30.3.3 eligibility")
public record IntakeClassificationDto(
        @Schema(examples = "5e6f7a8b-2222-4e8f-a1c2-d3e4f5a6b7c8")
        UUID intakeAssessmentId,

        @Schema(examples = "2026-11-22") LocalDate assessedOn,
        Chronicity chronicity,
        NcdEligibilityDto ncdEligibility) {}
