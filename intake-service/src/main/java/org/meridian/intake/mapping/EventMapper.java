package org.meridian.intake.mapping;

import static org.meridian.intake.mapping.Values.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.meridian.intake.domain.OutboxEvent;
import org.meridian.intake.rest.dto.EventPageResponse;
import org.meridian.intake.rest.dto.EventResponse;

public final class EventMapper {

    private EventMapper() {}

    /** A page of the feed; an empty page keeps the caller's cursor. {@code head} is the feed's, read before the page. */
    public static EventPageResponse toPage(List<OutboxEvent> events, long after, long head, ObjectMapper json) {
        List<EventResponse> items =
                events.stream().map(event -> toResponse(event, json)).toList();
        long nextAfter = events.isEmpty() ? after : events.getLast().position();
        return new EventPageResponse(items, nextAfter, Math.max(head, nextAfter));
    }

    private static EventResponse toResponse(OutboxEvent event, ObjectMapper json) {
        JsonNode payload;
        try {
            payload = json.readTree(event.payloadJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox event " + event.eventId() + " holds invalid JSON", e);
        }
        return new EventResponse(
                event.position(),
                event.eventId(),
                event.type(),
                utc(event.occurredAt()),
                event.clinicId(),
                event.pseudonymId(),
                payload);
    }
}
