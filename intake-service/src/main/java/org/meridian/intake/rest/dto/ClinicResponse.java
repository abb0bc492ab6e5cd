package org.meridian.intake.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Clinic")
public record ClinicResponse(
        @Schema(examples = "0b6f1c3e-6f0e-4a47-9a51-2f5d1c7e8a90")
        UUID id,

        @Schema(examples = "Harbour Acupuncture Clinic", maxLength = 200)
        String name,

        @Schema(nullable = true, examples = "CL-2024-0193", maxLength = 64)
        String registrationNumber,

        @Schema(nullable = true, examples = "front-desk@harbour-acupuncture.example", maxLength = 254)
        String contactEmail,

        @Schema(nullable = true, examples = "+44 20 7946 0958", maxLength = 32)
        String contactPhone,

        @Schema(examples = "Europe/London", maxLength = 64) String timeZone,
        boolean active,
        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime createdAt,
        @Schema(examples = "2026-11-22T09:30:00Z") OffsetDateTime updatedAt,

        @Schema(
                description = "Optimistic-concurrency version; also sent as the ETag",
                minimum = "0",
                maximum = "9223372036854775807")
        long version) {}
