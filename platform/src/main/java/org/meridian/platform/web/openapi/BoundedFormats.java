package org.meridian.platform.web.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Gives a string whose format fixes its length the {@code maxLength} that format implies, so every string of the
 * documents is bounded (OWASP API4): a UUID is 36 characters, an RFC 3339 date 10, a date-time at most 35
 * ({@code 2026-11-22T09:30:00.123456789+05:30}). A nullable reference to one of the shared format schemas
 * ({@code anyOf: [$ref, {type: null}]} next to a string type) gets the same bound. These bounds are true by
 * definition and the parsers enforce them; every other bound is declared on its field.
 */
final class BoundedFormats {

    static final int UUID = 36;
    static final int DATE = 10;
    static final int DATE_TIME = 35;

    private static final Map<String, Integer> BY_FORMAT = Map.of("uuid", UUID, "date", DATE, "date-time", DATE_TIME);
    private static final Map<String, Integer> BY_COMPONENT = Map.of(
            "#/components/schemas/UUID", UUID,
            "#/components/schemas/LocalDate", DATE,
            "#/components/schemas/OffsetDateTime", DATE_TIME);

    private BoundedFormats() {}

    static void bound(Schema schema) {
        if (schema.getMaxLength() != null) {
            return;
        }
        Integer byFormat = schema.getFormat() == null ? null : BY_FORMAT.get(schema.getFormat());
        if (byFormat != null) {
            schema.setMaxLength(byFormat);
            return;
        }
        if (schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.STRING)
                && schema.getAnyOf() != null) {
            schema.getAnyOf().stream()
                    .map(Schema::getRef)
                    .filter(BY_COMPONENT::containsKey)
                    .findFirst()
                    .ifPresent(ref -> schema.setMaxLength(BY_COMPONENT.get(ref)));
        }
    }
}
