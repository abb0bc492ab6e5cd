package org.meridian.intake.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IntakeEventPage")
public record EventPageResponse(
        @Schema(maxItems = 500) List<EventResponse> events,

        @Schema(
                description =
                        "The cursor to store and send as `after` next time; equals `after` when the page is empty",
                examples = "42",
                minimum = "0",
                maximum = "9223372036854775807")
        long nextAfter,

        @Schema(
                description = "The highest position committed to the feed when the page was read (its head): head minus"
                        + " your cursor is how many positions you are behind",
                examples = "57",
                minimum = "0",
                maximum = "9223372036854775807")
        long head) {}
