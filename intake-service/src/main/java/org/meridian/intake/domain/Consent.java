package org.meridian.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A patient's consent to treatment or to research use of their de-identified data, with its withdrawal. */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ConsentKind kind;

    /** Version of the consent form the patient agreed to. */
    @Column(name = "document_version", nullable = false, updatable = false)
    public String documentVersion;

    @Column(name = "given_at", nullable = false, updatable = false)
    public Instant givenAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawal_reason")
    public String withdrawalReason;

    @Column(name = "withdrawal_recorded_at")
    public Instant withdrawalRecordedAt;

    /** Set when the patient consented again (e.g. to a newer form), which replaces this consent. */
    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Version
    public long version;

    public ConsentStatus status() {
        if (withdrawnAt != null) {
            return ConsentStatus.WITHDRAWN;
        }
        return supersededAt != null ? ConsentStatus.SUPERSEDED : ConsentStatus.ACTIVE;
    }
}
