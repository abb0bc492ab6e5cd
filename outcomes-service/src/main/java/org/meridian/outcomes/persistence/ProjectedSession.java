package org.meridian.outcomes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An acupuncture session as intake's events describe it: its number in the episode and when it started. */
@Entity
@Table(name = "projected_session")
public class ProjectedSession {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "episode_id")
    public UUID episodeId;

    @Column(name = "pseudonym_id", nullable = false)
    public UUID pseudonymId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "session_number")
    public Integer sessionNumber;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(nullable = false)
    public boolean cancelled;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
