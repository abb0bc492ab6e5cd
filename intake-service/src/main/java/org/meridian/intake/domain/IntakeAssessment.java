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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * The back-pain history taken at the first visit. It is a clinical record: once recorded it does not change, except
 * that a practitioner acknowledges its red flags. A later assessment is a new record.
 */
@Entity
@Table(name = "intake_assessment")
public class IntakeAssessment {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public UUID patientId;

    @Column(name = "assessed_on", nullable = false, updatable = false)
    public LocalDate assessedOn;

    @Column(name = "assessed_by", nullable = false, updatable = false)
    public UUID assessedBy;

    @Column(name = "low_back", nullable = false)
    public boolean lowBack;

    @Column(name = "upper_back", nullable = false)
    public boolean upperBack;

    @Enumerated(EnumType.STRING)
    @Column(name = "sciatica_side")
    public SciaticaSide sciaticaSide;

    @Column(name = "onset_date")
    public LocalDate onsetDate;

    @Column(name = "pain_duration_months", nullable = false)
    public int painDurationMonths;

    @Enumerated(EnumType.STRING)
    @Column(name = "pain_frequency", nullable = false)
    public PainFrequency painFrequency;

    /** Days from onset to assessment; null when only a duration in months was reported. */
    @Column(name = "pain_duration_days")
    public Integer painDurationDays;

    /** NIH Task Force classification (research). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Chronicity chronicity;

    /** NCD 30.3.3 inputs; null when not assessed. */
    @Column(name = "identifiable_systemic_cause")
    public Boolean identifiableSystemicCause;

    @Column(name = "associated_with_surgery")
    public Boolean associatedWithSurgery;

    @Column(name = "associated_with_pregnancy")
    public Boolean associatedWithPregnancy;

    @Enumerated(EnumType.STRING)
    @Column(name = "ncd_eligibility", nullable = false)
    public NcdEligibility.Status ncdEligibility;

    /** Comma-separated {@link NcdEligibility.Reason} names. */
    @Column(name = "ncd_reasons", nullable = false)
    public String ncdReasons = "";

    @Embedded
    public RedFlags redFlags = new RedFlags();

    @Column(name = "red_flag_positive", nullable = false)
    public boolean redFlagPositive;

    @Column(name = "red_flag_acknowledged_by")
    public UUID redFlagAcknowledgedBy;

    @Column(name = "red_flag_acknowledged_at")
    public Instant redFlagAcknowledgedAt;

    @Column(name = "red_flag_acknowledgement_note")
    public String redFlagAcknowledgementNote;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "intake_analgesic_use", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "position")
    public List<AnalgesicUse> analgesics = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "intake_prior_treatment", joinColumns = @JoinColumn(name = "assessment_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "treatment", nullable = false)
    public Set<PriorTreatment> priorTreatments = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "work_status", nullable = false)
    public WorkStatus workStatus;

    public String notes;

    @Embedded
    @AttributeOverride(name = "subject", column = @Column(name = "entered_by_subject"))
    @AttributeOverride(name = "practitionerId", column = @Column(name = "entered_by_practitioner_id"))
    public Actor enteredBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Pain sites in a fixed order: low back, upper back, then sciatica with its side. */
    public List<PainSite> painSites() {
        List<PainSite> sites = new ArrayList<>();
        if (lowBack) {
            sites.add(PainSite.LOW_BACK);
        }
        if (upperBack) {
            sites.add(PainSite.UPPER_BACK);
        }
        if (sciaticaSide != null) {
            sites.add(
                    switch (sciaticaSide) {
                        case LEFT -> PainSite.SCIATICA_LEFT;
                        case RIGHT -> PainSite.SCIATICA_RIGHT;
                        case BILATERAL -> PainSite.SCIATICA_BILATERAL;
                    });
        }
        return sites;
    }

    /** Sets the pain sites; at most one sciatica value is expected (validated at the boundary). */
    public void setPainSites(Set<PainSite> sites) {
        EnumSet<PainSite> set = sites.isEmpty() ? EnumSet.noneOf(PainSite.class) : EnumSet.copyOf(sites);
        lowBack = set.contains(PainSite.LOW_BACK);
        upperBack = set.contains(PainSite.UPPER_BACK);
        sciaticaSide = set.contains(PainSite.SCIATICA_BILATERAL)
                ? SciaticaSide.BILATERAL
                : set.contains(PainSite.SCIATICA_LEFT)
                        ? SciaticaSide.LEFT
                        : set.contains(PainSite.SCIATICA_RIGHT) ? SciaticaSide.RIGHT : null;
    }

    public NcdEligibility ncd() {
        return new NcdEligibility(
                ncdEligibility,
                ncdReasons.isEmpty()
                        ? List.of()
                        : Arrays.stream(ncdReasons.split(","))
                                .map(NcdEligibility.Reason::valueOf)
                                .toList());
    }

    public void setNcd(NcdEligibility eligibility) {
        ncdEligibility = eligibility.status();
        ncdReasons =
                String.join(",", eligibility.reasons().stream().map(Enum::name).toList());
    }

    public boolean awaitingRedFlagAcknowledgement() {
        return redFlagPositive && redFlagAcknowledgedAt == null;
    }
}
