package org.meridian.intake.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.meridian.intake.domain.Actor;
import org.meridian.intake.rest.dto.ActorDto;

/** Small conversions shared by the mappers. */
final class Values {

    private Values() {}

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String strip(String value) {
        return value == null ? null : value.strip();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime dateTime) {
        return dateTime == null ? null : dateTime.toInstant();
    }

    /** Null when nobody was recorded (rows written before Meridian kept who did what). */
    static ActorDto actor(Actor actor) {
        return actor == null || (actor.subject == null && actor.practitionerId == null)
                ? null
                : new ActorDto(actor.subject, actor.practitionerId);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
