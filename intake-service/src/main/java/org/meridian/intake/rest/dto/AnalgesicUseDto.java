package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.AnalgesicClass;
import org.meridian.intake.rest.validation.Consistent;
import org.meridian.intake.rest.validation.CrossFieldRules;
import org.meridian.platform.web.problem.ErrorCode;

@Consistent
@Schema(name = "AnalgesicUse", description = "A current analgesic; OTHER needs its name")
public record AnalgesicUseDto(
        @NotNull AnalgesicClass drugClass,

        @Schema(examples = "5", minimum = "0", maximum = "7") @NotNull @Min(0) @Max(7)
        Integer daysPerWeek,

        @Schema(nullable = true, examples = "Ibuprofen 400 mg", maxLength = 100) @Size(max = 100)
        String name)
        implements CrossFieldRules {

    @Override
    public List<BrokenRule> brokenRules() {
        return drugClass == AnalgesicClass.OTHER && (name == null || name.isBlank())
                ? List.of(new BrokenRule("name", ErrorCode.REQUIRED, "is required when drugClass is OTHER"))
                : List.of();
    }
}
