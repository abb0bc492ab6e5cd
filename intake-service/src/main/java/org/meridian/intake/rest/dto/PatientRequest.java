package org.meridian.intake.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.Sex;

@Schema(name = "PatientRequest", description = "A patient to register, or the full new state of one (PUT)")
public record PatientRequest(
        @Schema(examples = "Alice", maxLength = 100) @NotBlank @Size(max = 100)
        String givenName,

        @Schema(examples = "Nguyen", maxLength = 100) @NotBlank @Size(max = 100)
        String familyName,

        @Schema(examples = "1972-04-18") @NotNull @Past LocalDate dateOfBirth,
        @NotNull Sex sex,

        @Schema(format = "email", examples = "alice.nguyen@mail.example") @Email @Size(max = 254)
        String email,

        @Schema(examples = "+44 7700 900123")
        @Pattern(
                regexp = "^\\+?[0-9 ()\\-]{5,32}$",
                message = "must be a phone number of digits, spaces, brackets and dashes")
        @Size(max = 32)
        String phone,

        @Schema(
                description =
                        "External identifiers such as the EHR's MRN; each (system, value) is unique in the clinic")
        @Size(max = 10)
        List<@NotNull @Valid IdentifierDto> identifiers) {}
