package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.NeedleMaterial;

@Schema(name = "NeedleType", description = "Needle type (STRICTA item 2g), e.g. 0.25 x 40 mm stainless steel")
public record NeedleTypeDto(
        @Schema(description = "Diameter (gauge) in millimetres", examples = "0.25", minimum = "0.10", maximum = "0.60")
        @NotNull
        @DecimalMin("0.10")
        @DecimalMax("0.60")
        @Digits(integer = 1, fraction = 2)
        BigDecimal diameterMm,

        @Schema(description = "Shaft length in millimetres", examples = "40", minimum = "5", maximum = "150")
        @NotNull
        @Min(5)
        @Max(150)
        Integer lengthMm,

        @NotNull NeedleMaterial material,

        @Schema(nullable = true, examples = "Seirin J-type", maxLength = 100) @Size(max = 100)
        String manufacturer) {}
