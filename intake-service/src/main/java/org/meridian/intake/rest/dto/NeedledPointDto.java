package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.NeedleSide;
import org.meridian.intake.rest.validation.KnownAcupoint;

@KnownAcupoint
@Schema(name = "NeedledPoint", description = "An acupoint needled in the session (STRICTA items 2b-2c)")
public record NeedledPointDto(
        @Schema(
                description = "WHO standard acupoint code from GET /api/v1/intake/acupoints",
                examples = "BL23",
                pattern = "^([A-Z]{2}[0-9]{1,2}|EX-(HN|CA|B|UE|LE)[0-9]{1,2})$",
                maxLength = 16)
        @NotBlank
        String code,

        @Schema(
                description = "MIDLINE for unpaired midline points (GV, CV, EX-HN3, EX-HN10, EX-B8, EX-B9); otherwise"
                        + " LEFT, RIGHT or BILATERAL")
        @NotNull
        NeedleSide side,

        @Schema(description = "Insertion depth in millimetres", examples = "25", minimum = "1", maximum = "150")
        @NotNull
        @Min(1)
        @Max(150)
        Integer depthMm) {}
