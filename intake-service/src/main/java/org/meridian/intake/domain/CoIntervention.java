package org.meridian.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** An intervention given alongside needling (STRICTA item 3). */
@Embeddable
public class CoIntervention {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CoInterventionType type;

    public String details;

    public CoIntervention() {}

    public CoIntervention(CoInterventionType type, String details) {
        this.type = type;
        this.details = details;
    }
}
