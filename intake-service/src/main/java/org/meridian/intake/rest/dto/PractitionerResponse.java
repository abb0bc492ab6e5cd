package org.meridian.intake.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.Profession;

@Schema(name = "Practitioner")
public record PractitionerResponse(
        @Schema(examples = "3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60")
        UUID id,

        @Schema(examples = "0b6f1c3e-6f0e-4a47-9a51-2f5d1c7e8a90")
        UUID clinicId,

        @Schema(examples = "Mei", maxLength = 100) String givenName,
        @Schema(examples = "Lin", maxLength = 100) String familyName,
        @Schema(examples = "BAcC-04512", maxLength = 64) String licenceNumber,
        Profession profession,

        @Schema(
                nullable = true,
                examples = "BSc (Hons) Acupuncture; member of the British Acupuncture Council",
                maxLength = 500)
        String qualifications,

        @Schema(nullable = true, examples = "12", minimum = "0", maximum = "80")
        Integer yearsInAcupuncturePractice,

        @Schema(examples = "true") boolean active,
        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime createdAt,
        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime updatedAt,

        @Schema(
                description = "Optimistic-concurrency version; also sent as the ETag",
                examples = "0",
                minimum = "0",
                maximum = "9223372036854775807")
        long version) {}
