package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.CoInterventionType;
import org.meridian.intake.rest.validation.Consistent;
import org.meridian.intake.rest.validation.CrossFieldRules;
import org.meridian.platform.web.problem.ErrorCode;

@Consistent
@Schema(
        name = "CoIntervention",
        description = "An intervention given alongside needling (STRICTA item 3); OTHER needs details")
public record CoInterventionDto(
        @NotNull CoInterventionType type,

        @Schema(nullable = true, examples = "Fire cupping over the lumbar paraspinals, 5 minutes", maxLength = 500)
        @Size(max = 500)
        String details)
        implements CrossFieldRules {

    @Override
    public List<BrokenRule> brokenRules() {
        return type == CoInterventionType.OTHER && (details == null || details.isBlank())
                ? List.of(new BrokenRule("details", ErrorCode.REQUIRED, "is required when type is OTHER"))
                : List.of();
    }
}
