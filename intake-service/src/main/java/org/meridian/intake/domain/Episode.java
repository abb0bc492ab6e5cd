package org.meridian.intake.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A course of acupuncture care for one patient (usually 6-12 sessions). */
@Entity
@Table(name = "episode")
public class Episode {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "planned_sessions", nullable = false)
    public int plannedSessions;

    public String goals;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EpisodeStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_reason")
    public EpisodeCloseReason closedReason;

    @Column(name = "closed_note")
    public String closedNote;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Embedded
    @AttributeOverride(name = "subject", column = @Column(name = "activated_by_subject"))
    @AttributeOverride(name = "practitionerId", column = @Column(name = "activated_by_practitioner_id"))
    public Actor activatedBy;

    @Embedded
    @AttributeOverride(name = "subject", column = @Column(name = "closed_by_subject"))
    @AttributeOverride(name = "practitionerId", column = @Column(name = "closed_by_practitioner_id"))
    public Actor closedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isOpen() {
        return status == EpisodeStatus.PLANNED || status == EpisodeStatus.ACTIVE;
    }

    /** The transitions a course of care allows; closed episodes are final. */
    public static Set<EpisodeStatus> allowedNext(EpisodeStatus from) {
        return switch (from) {
            case PLANNED -> EnumSet.of(EpisodeStatus.ACTIVE, EpisodeStatus.DISCONTINUED);
            case ACTIVE -> EnumSet.of(EpisodeStatus.COMPLETED, EpisodeStatus.DISCONTINUED);
            case COMPLETED, DISCONTINUED -> EnumSet.noneOf(EpisodeStatus.class);
        };
    }
}
