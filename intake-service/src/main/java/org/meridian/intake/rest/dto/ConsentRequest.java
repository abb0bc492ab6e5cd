package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.ConsentKind;

@Schema(
        name = "ConsentRequest",
        description = "A consent the patient gave; it supersedes a current one of the same kind")
public record ConsentRequest(
        @NotNull ConsentKind kind,

        @Schema(description = "Version of the consent form signed", examples = "2026-03", maxLength = 32)
        @NotBlank
        @Size(max = 32)
        String documentVersion,

        @Schema(description = "When the patient consented; now when absent", examples = "2026-11-22T09:15:00Z")
        @PastOrPresent
        OffsetDateTime givenAt) {}
