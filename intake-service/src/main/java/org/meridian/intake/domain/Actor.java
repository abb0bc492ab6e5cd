package org.meridian.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * Who did something, as their verified token says: the subject (the identity provider's user id) and, when the
 * sign-in is linked to one, the caller's practitioner record. Columns are named per use (entered_by_..., ...).
 */
@Embeddable
public class Actor {

    @Column(name = "subject")
    public String subject;

    @Column(name = "practitioner_id")
    public UUID practitionerId;

    public Actor() {}

    public Actor(String subject, UUID practitionerId) {
        this.subject = subject;
        this.practitionerId = practitionerId;
    }
}
