package org.meridian.intake.rest.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.Sex;

@Schema(name = "Patient")
public record PatientResponse(
        @Schema(
                description = "Internal id, used only in intake-service paths",
                examples = "7c2e9a10-5b3d-4e8f-a1c2-d3e4f5a6b7c8")
        UUID id,

        @Schema(examples = "0b6f1c3e-6f0e-4a47-9a51-2f5d1c7e8a90")
        UUID clinicId,

        @Schema(
                description =
                        "Stable pseudonymous id: the only patient id used outside intake-service (events, outcomes,"
                                + " research)",
                examples = "9a1e4c2b-7d3f-4a5e-8b6c-0d1e2f3a4b5c")
        UUID pseudonymId,

        @Schema(examples = "Alice", maxLength = 100) String givenName,
        @Schema(examples = "Nguyen", maxLength = 100) String familyName,
        @Schema(examples = "1972-04-18") LocalDate dateOfBirth,
        Sex sex,

        @Schema(nullable = true, examples = "alice.nguyen@mail.example", maxLength = 254)
        String email,

        @Schema(nullable = true, examples = "+44 7700 900123", maxLength = 32)
        String phone,

        @Schema(maxItems = 10) List<IdentifierDto> identifiers,

        @Schema(
                description = "True while an intake assessment has a positive red flag that no practitioner has"
                        + " acknowledged: no episode may start and no session may be recorded",
                examples = "false")
        boolean referBeforeNeedling,

        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime createdAt,
        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime updatedAt,

        @Schema(
                description = "Optimistic-concurrency version; also sent as the ETag",
                examples = "0",
                minimum = "0",
                maximum = "9223372036854775807")
        long version) {}
