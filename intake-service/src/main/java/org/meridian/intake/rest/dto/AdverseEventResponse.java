package org.meridian.intake.rest.dto;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.meridian.intake.domain.AdverseEventType;
import org.meridian.intake.domain.Severity;

@Schema(name = "AdverseEvent")
public record AdverseEventResponse(
        @Schema(examples = "ae0e1e2e-5555-4e8f-a1c2-d3e4f5a6b7c8")
        UUID id,

        @Schema(examples = "5a5b5c5d-4444-4e8f-a1c2-d3e4f5a6b7c8")
        UUID sessionId,

        AdverseEventType type,
        Severity severity,
        @Schema(examples = "false") boolean serious,

        @Schema(nullable = true, examples = "Small bruise at left BL40", maxLength = 2000)
        String description,

        @Schema(nullable = true, examples = "Reassured; cold compress advised", maxLength = 2000)
        String actionTaken,

        @Schema(examples = "2026-11-24T11:00:00Z") OffsetDateTime recordedAt,

        @Schema(
                nullable = true,
                description = "Who reported it: the caller (null for events recorded before this was" + " kept)")
        ActorDto reportedBy,

        @Schema(examples = "0", minimum = "0", maximum = "9223372036854775807")
        long version) {}
