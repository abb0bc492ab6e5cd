package org.meridian.outcomes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A clinic as intake's events describe it: its time zone, for calendar boundaries. */
@Entity
@Table(name = "projected_clinic")
public class ProjectedClinic {

    @Id
    @Column(name = "clinic_id")
    public UUID clinicId;

    /** IANA zone id, e.g. Europe/London. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
