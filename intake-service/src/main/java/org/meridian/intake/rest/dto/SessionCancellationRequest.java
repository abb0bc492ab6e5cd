package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.SessionCancelReason;

@Schema(name = "SessionCancellationRequest")
public record SessionCancellationRequest(
        @NotNull SessionCancelReason reason,

        @Schema(examples = "Recorded against the wrong patient", maxLength = 1000) @Size(max = 1000)
        String note) {}
