package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.EpisodeCloseReason;
import org.meridian.intake.domain.EpisodeStatus;
import org.meridian.intake.rest.validation.Consistent;
import org.meridian.intake.rest.validation.CrossFieldRules;
import org.meridian.platform.web.problem.ErrorCode;

@Consistent
@Schema(
        name = "EpisodeTransitionRequest",
        description = "Moves an episode along PLANNED -> ACTIVE -> COMPLETED, or to"
                + " DISCONTINUED (which needs a reason) from PLANNED or ACTIVE")
public record EpisodeTransitionRequest(
        @NotNull EpisodeStatus status,

        @Schema(
                description =
                        "Why the course ended; required for DISCONTINUED, COURSE_COMPLETED when completing without one")
        EpisodeCloseReason reason,

        @Schema(examples = "No meaningful change in pain after 8 sessions", maxLength = 1000) @Size(max = 1000)
        String note)
        implements CrossFieldRules {

    @Override
    public List<BrokenRule> brokenRules() {
        if (status == EpisodeStatus.DISCONTINUED && reason == null) {
            return List.of(new BrokenRule("reason", ErrorCode.REQUIRED, "is required when status is DISCONTINUED"));
        }
        if (reason != null && (status == EpisodeStatus.ACTIVE || status == EpisodeStatus.PLANNED)) {
            return List.of(new BrokenRule("reason", ErrorCode.NOT_ALLOWED, "is only for COMPLETED or DISCONTINUED"));
        }
        return List.of();
    }
}
