package org.meridian.intake.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.Formula;

/**
 * A patient of one clinic. Identifying data (names, date of birth, contact, external identifiers) never leaves
 * intake-service; everything published carries only {@link #pseudonymId}.
 */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    /** Random and independent of {@link #id}, so the published id reveals nothing about the internal one. */
    @Column(name = "pseudonym_id", nullable = false, updatable = false)
    public UUID pseudonymId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    public String email;

    public String phone;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "patient_identifier", joinColumns = @JoinColumn(name = "patient_id"))
    public Set<PatientIdentifier> identifiers = new LinkedHashSet<>();

    /** True while an intake assessment has a positive red flag that no practitioner has acknowledged. */
    @Formula("(select exists (select 1 from intake_assessment a where a.patient_id = id"
            + " and a.red_flag_positive and a.red_flag_acknowledged_at is null))")
    public boolean referBeforeNeedling;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
