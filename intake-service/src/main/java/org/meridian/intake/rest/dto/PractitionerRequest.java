package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.Profession;

@Schema(name = "PractitionerRequest", description = "A practitioner to register, or the full new state of one (PUT)")
public record PractitionerRequest(
        @Schema(examples = "Mei", maxLength = 100) @NotBlank @Size(max = 100)
        String givenName,

        @Schema(examples = "Lin", maxLength = 100) @NotBlank @Size(max = 100)
        String familyName,

        @Schema(
                description = "Licence or registration number with the practitioner's regulator; unique in the clinic",
                examples = "BAcC-04512",
                maxLength = 64)
        @NotBlank
        @Size(max = 64)
        String licenceNumber,

        @Schema(description = "Professional background (STRICTA item 5)") @NotNull
        Profession profession,

        @Schema(
                description = "Qualifications and affiliations (STRICTA item 5)",
                examples = "BSc (Hons) Acupuncture; member of the British Acupuncture Council",
                maxLength = 500)
        @Size(max = 500)
        String qualifications,

        @Schema(
                description = "Years in acupuncture practice (STRICTA item 5)",
                examples = "12",
                minimum = "0",
                maximum = "80")
        @Min(0)
        @Max(80)
        Integer yearsInAcupuncturePractice,

        @Schema(description = "Whether the practitioner currently treats patients; true when absent", examples = "true")
        Boolean active) {}
