package org.meridian.intake.domain;

import java.time.Instant;
import java.util.UUID;

/** One event of the intake feed (docs/events.md); the payload is a JSON object without direct identifiers. */
public record OutboxEvent(
        long position,
        UUID eventId,
        String type,
        Instant occurredAt,
        UUID clinicId,
        UUID pseudonymId,
        String payloadJson) {}
