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
        long nextAfter) {}
