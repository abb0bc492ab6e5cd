package org.meridian.outcomes.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patient outcomes-service knows from intake's feed: submissions about them link at once. */
@Schema(
        name = "KnownPatient",
        description = "A patient intake's event feed announced in the clinic: submissions about them are linked, not"
                + " left PENDING")
public record KnownPatientResponse(
        @Schema(required = true, examples = "7f3c1a52-3d0e-4c8e-9a3b-2f1d5e6a7b01")
        UUID clinicId,

        @Schema(required = true, examples = "c2a9e4d1-5b7f-4e38-8d2a-9f6b3c1e7a02")
        UUID pseudonymId,

        @Schema(required = true, description = "Always true (an unknown patient is a 404)", examples = "true")
        boolean known,

        @Schema(
                required = true,
                description = "When outcomes-service first heard of the patient from intake's feed",
                examples = "2026-11-22T09:30:00Z")
        Instant knownSince) {}
