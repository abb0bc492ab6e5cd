package org.meridian.outcomes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A course of care as intake's events describe it. */
@Entity
@Table(name = "projected_episode")
public class ProjectedEpisode {

    public static final String ACTIVE = "ACTIVE";
    public static final String PLANNED = "PLANNED";

    @Id
    @Column(name = "episode_id")
    public UUID episodeId;

    @Column(name = "pseudonym_id", nullable = false)
    public UUID pseudonymId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "planned_sessions")
    public Integer plannedSessions;

    public String status;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isOpen() {
        return status == null || ACTIVE.equals(status) || PLANNED.equals(status);
    }
}
