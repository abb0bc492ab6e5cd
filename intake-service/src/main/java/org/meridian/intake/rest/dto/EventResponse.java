package org.meridian.intake.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IntakeEvent", description = "One event of the intake feed (docs/events.md)")
public record EventResponse(
        @Schema(
                description = "Strictly increasing; may have gaps",
                examples = "42",
                minimum = "1",
                maximum = "9223372036854775807")
        long position,

        @Schema(description = "Consumers deduplicate on it", examples = "6f1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e")
        UUID eventId,

        @Schema(
                enumeration = {
                    "ClinicRegistered",
                    "PatientRegistered",
                    "PatientUpdated",
                    "IntakeAssessmentRecorded",
                    "ResearchConsentGiven",
                    "ResearchConsentWithdrawn",
                    "EpisodeStarted",
                    "EpisodeUpdated",
                    "EpisodeClosed",
                    "SessionRecorded",
                    "SessionCancelled"
                },
                examples = "SessionRecorded")
        String type,

        @Schema(examples = "2026-11-24T10:40:00Z") OffsetDateTime occurredAt,

        @Schema(examples = "0b6f1c3e-6f0e-4a47-9a51-2f5d1c7e8a90")
        UUID clinicId,

        @Schema(
                nullable = true,
                description = "The patient's pseudonymous id; null on ClinicRegistered",
                examples = "9a1e4c2b-7d3f-4a5e-8b6c-0d1e2f3a4b5c")
        UUID pseudonymId,

        @Schema(
                type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                implementation = java.util.Map.class,
                description = "Type-specific fields (docs/events.md); never names, dates of birth, contact details or"
                        + " external identifiers",
                examples = "{\"sessionId\": \"5a5b5c5d-4444-4e8f-a1c2-d3e4f5a6b7c8\", \"episodeId\":"
                        + " \"e1a2b3c4-3333-4e8f-a1c2-d3e4f5a6b7c8\", \"pseudonymId\": \"9a1e4c2b-7d3f-4a5e-8b6c-0d1e2f3a4b5c\","
                        + " \"sessionNumber\": 1, \"startedAt\": \"2026-11-24T10:00:00Z\"}")
        JsonNode payload) {}
