package org.meridian.outcomes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far a feed has been applied: the last position whose events are in the projection. */
@Entity
@Table(name = "feed_cursor")
public class FeedCursor {

    public static final String INTAKE_EVENTS = "intake-events";

    @Id
    public String feed;

    @Column(nullable = false)
    public long position;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
