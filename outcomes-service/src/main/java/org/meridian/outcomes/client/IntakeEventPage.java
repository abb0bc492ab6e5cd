package org.meridian.outcomes.client;

import java.util.List;

/**
 * A page of intake's feed; {@code nextAfter} is the cursor to store once the page is applied, {@code head} the feed's
 * highest position when it was read (null from an intake that does not say).
 */
public record IntakeEventPage(List<IntakeEvent> events, long nextAfter, Long head) {

    public IntakeEventPage {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
