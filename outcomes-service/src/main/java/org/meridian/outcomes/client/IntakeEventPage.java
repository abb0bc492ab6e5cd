package org.meridian.outcomes.client;

import java.util.List;

/** A page of intake's feed; {@code nextAfter} is the cursor to store once the page is applied. */
public record IntakeEventPage(List<IntakeEvent> events, long nextAfter) {

    public IntakeEventPage {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
