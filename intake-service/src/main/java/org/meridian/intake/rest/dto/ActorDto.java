package org.meridian.intake.rest.dto;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Actor", description = "Who did it, from their verified sign-in (never from a request body)")
public record ActorDto(
        @Schema(
                description = "The token's subject (the identity provider's user id)",
                examples = "6c1f0e2a-8d4b-4f5e-9a7c-3b2d1e0f9a8b",
                maxLength = 255)
        String subject,

        @Schema(
                nullable = true,
                description = "The practitioner record the sign-in is linked to (claim practitioner_id);"
                        + " null for a clinic admin without one",
                examples = "3d0f6a4e-2c1b-4f7e-9d8a-1b2c3d4e5f60")
        UUID practitionerId) {}
