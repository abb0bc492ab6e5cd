package org.meridian.intake.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** One acupuncture session of an episode, with the STRICTA details of what was done. */
@Entity
@Table(name = "treatment_session")
public class TreatmentSession {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "episode_id", nullable = false, updatable = false)
    public UUID episodeId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    /** 1, 2, 3... within the episode, assigned by the service; cancelled sessions keep their number. */
    @Column(name = "session_number", nullable = false, updatable = false)
    public int sessionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AcupunctureStyle style;

    @Column(name = "style_details")
    public String styleDetails;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "session_point", joinColumns = @JoinColumn(name = "session_id"))
    @OrderColumn(name = "position")
    public List<NeedledPoint> points = new ArrayList<>();

    @Column(name = "needle_count", nullable = false)
    public int needleCount;

    @Column(name = "de_qi_elicited", nullable = false)
    public boolean deQiElicited;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stimulation stimulation;

    @Column(name = "electro_frequency_hz")
    public Integer electroFrequencyHz;

    @Column(name = "retention_minutes", nullable = false)
    public int retentionMinutes;

    @Embedded
    public NeedleType needleType = new NeedleType();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "session_co_intervention", joinColumns = @JoinColumn(name = "session_id"))
    @OrderColumn(name = "position")
    public List<CoIntervention> coInterventions = new ArrayList<>();

    public String notes;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    public SessionCancelReason cancelReason;

    @Column(name = "cancel_note")
    public String cancelNote;

    @Embedded
    @AttributeOverride(name = "subject", column = @Column(name = "entered_by_subject"))
    @AttributeOverride(name = "practitionerId", column = @Column(name = "entered_by_practitioner_id"))
    public Actor enteredBy;

    @Embedded
    @AttributeOverride(name = "subject", column = @Column(name = "cancelled_by_subject"))
    @AttributeOverride(name = "practitionerId", column = @Column(name = "cancelled_by_practitioner_id"))
    public Actor cancelledBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
