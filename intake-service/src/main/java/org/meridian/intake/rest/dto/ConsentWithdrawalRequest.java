package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsentWithdrawalRequest")
public record ConsentWithdrawalRequest(
        @Schema(description = "When the patient withdrew; now when absent", examples = "2026-12-01T10:00:00Z")
        @PastOrPresent
        OffsetDateTime withdrawnAt,

        @Schema(examples = "Patient no longer wishes their data to be used for research", maxLength = 500)
        @Size(max = 500)
        String reason) {}
