package org.meridian.intake.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.IdentifierType;

@Schema(name = "PatientIdentifier", description = "An identifier another system (e.g. the EHR) gives the patient")
public record IdentifierDto(
        @NotNull IdentifierType type,

        @Schema(
                description = "URI of the issuing system, as in FHIR Identifier.system",
                examples = "https://ehr.harbour-health.example/mrn",
                maxLength = 200)
        @NotBlank
        @Size(max = 200)
        String system,

        @Schema(examples = "MRN-0048213", maxLength = 64) @NotBlank @Size(max = 64)
        String value) {}
