package org.meridian.outcomes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What outcomes knows about a patient from intake's events: pseudonymous, no direct identifiers. */
@Entity
@Table(name = "projected_patient")
public class ProjectedPatient {

    @Id
    @Column(name = "pseudonym_id")
    public UUID pseudonymId;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Column(name = "age_band")
    public String ageBand;

    public String sex;

    /** Comma-separated pain site codes (LOW_BACK, SCIATICA_LEFT, ...). */
    @Column(name = "pain_sites")
    public String painSites;

    public String chronicity;

    @Column(name = "pain_duration_months")
    public Integer painDurationMonths;

    @Column(name = "red_flag_positive")
    public Boolean redFlagPositive;

    @Column(name = "research_consent", nullable = false)
    public boolean researchConsent;

    @Column(name = "consent_version")
    public String consentVersion;

    @Column(name = "consent_changed_at")
    public Instant consentChangedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When outcomes first heard of the patient from intake's feed. */
    @Column(name = "known_since", nullable = false, updatable = false)
    public Instant knownSince;
}
