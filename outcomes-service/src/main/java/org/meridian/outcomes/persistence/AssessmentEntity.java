package org.meridian.outcomes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.meridian.outcomes.domain.AssessmentStatus;
import org.meridian.outcomes.domain.LinkStatus;
import org.meridian.outcomes.domain.Timepoint;

/** A stored submission. New rows are inserted by {@link AssessmentRepository#insertIfAbsent}; JSON columns hold text. */
@Entity
@Table(name = "assessment")
public class AssessmentEntity {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "pseudonym_id", nullable = false, updatable = false)
    public UUID pseudonymId;

    @Column(name = "instrument_code", nullable = false, updatable = false)
    public String instrumentCode;

    @Column(name = "instrument_version", nullable = false, updatable = false)
    public String instrumentVersion;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(name = "recall_period", nullable = false)
    public String recallPeriod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Timepoint timepoint;

    @Column(name = "episode_id")
    public UUID episodeId;

    @Column(name = "session_id", updatable = false)
    public UUID sessionId;

    @Column(name = "follow_up_weeks", updatable = false)
    public Integer followUpWeeks;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentStatus status;

    /** itemCode -> integer code or null, every item of the instrument version. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String answers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "items_missing", nullable = false)
    public String itemsMissing;

    @Column(name = "score_exact")
    public String scoreExact;

    @Column(name = "score_value")
    public BigDecimal scoreValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "score_details")
    public String scoreDetails;

    @Column(nullable = false)
    public boolean late;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_status", nullable = false)
    public LinkStatus linkStatus;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "submitted_by", updatable = false)
    public String submittedBy;

    @Version
    @Column(nullable = false)
    public long version;
}
