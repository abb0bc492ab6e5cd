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
import java.util.UUID;

/** An adverse event attributed to a session. */
@Entity
@Table(name = "adverse_event")
public class AdverseEvent {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "session_id", nullable = false, updatable = false)
    public UUID sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdverseEventType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    /** Serious in the regulatory sense: led to hospital admission, disability or was life-threatening. */
    @Column(nullable = false)
    public boolean serious;

    public String description;

    @Column(name = "action_taken")
    public String actionTaken;

    @Embedded
    @AttributeOverride(name = "subject", column = @Column(name = "reported_by_subject"))
    @AttributeOverride(name = "practitionerId", column = @Column(name = "reported_by_practitioner_id"))
    public Actor reportedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Version
    public long version;
}
