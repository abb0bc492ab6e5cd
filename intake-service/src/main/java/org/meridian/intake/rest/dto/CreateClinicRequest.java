package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.rest.validation.TimeZoneId;

@Schema(name = "CreateClinicRequest", description = "A clinic to register")
public record CreateClinicRequest(
        @Schema(examples = "Harbour Acupuncture Clinic", maxLength = 200) @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Registration or licence number of the clinic, if it has one", examples = "CL-2024-0193")
        @Size(max = 64)
        String registrationNumber,

        @Schema(format = "email", examples = "front-desk@harbour-acupuncture.example") @Email @Size(max = 254)
        String contactEmail,

        @Schema(examples = "+44 20 7946 0958")
        @Pattern(
                regexp = "^\\+?[0-9 ()\\-]{5,32}$",
                message = "must be a phone number of digits, spaces, brackets and dashes")
        @Size(max = 32)
        String contactPhone,

        @Schema(description = "IANA time zone in which the clinic schedules sessions", examples = "Europe/London")
        @NotBlank
        @TimeZoneId
        @Size(max = 64)
        String timeZone) {}
