package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.AdverseEventType;
import org.meridian.intake.domain.Severity;
import org.meridian.intake.rest.validation.Consistent;
import org.meridian.intake.rest.validation.CrossFieldRules;
import org.meridian.platform.web.problem.ErrorCode;

@Consistent
@Schema(name = "AdverseEventRequest", description = "An adverse event after the session; OTHER needs a description")
public record AdverseEventRequest(
        @NotNull AdverseEventType type,
        @NotNull Severity severity,

        @Schema(
                description = "Serious in the regulatory sense (hospital admission, disability, life-threatening)",
                examples = "false")
        @NotNull
        Boolean serious,

        @Schema(examples = "Small bruise at left BL40", maxLength = 2000) @Size(max = 2000)
        String description,

        @Schema(examples = "Reassured; cold compress advised", maxLength = 2000) @Size(max = 2000)
        String actionTaken)
        implements CrossFieldRules {

    @Override
    public List<BrokenRule> brokenRules() {
        return type == AdverseEventType.OTHER && (description == null || description.isBlank())
                ? List.of(new BrokenRule("description", ErrorCode.REQUIRED, "is required when type is OTHER"))
                : List.of();
    }
}
