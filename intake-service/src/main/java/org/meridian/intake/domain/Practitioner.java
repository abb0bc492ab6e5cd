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

/** A practitioner who needles patients of one clinic; the background fields answer STRICTA item 5. */
@Entity
@Table(name = "practitioner")
public class Practitioner {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false, updatable = false)
    public UUID clinicId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "licence_number", nullable = false)
    public String licenceNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Profession profession;

    public String qualifications;

    @Column(name = "years_in_acupuncture_practice")
    public Integer yearsInAcupuncturePractice;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
