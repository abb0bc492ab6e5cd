package org.meridian.outcomes.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One event of intake's feed (docs/events.md); the payload depends on the type. */
public record IntakeEvent(long position, String eventId, String type, OffsetDateTime occurredAt, UUID clinicId,
        UUID pseudonymId, JsonNode payload) {
}
