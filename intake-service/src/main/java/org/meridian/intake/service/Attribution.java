package org.meridian.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.meridian.intake.domain.Actor;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.persistence.PractitionerRepository;
import org.meridian.platform.security.Caller;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.UnprocessableException;

/**
 * Who did something is decided by the caller's verified token, never by the request body (docs/clinical-rules.md,
 * "Who did what"). A token links its holder to a practitioner record with the claim {@code practitioner_id}; a link
 * to anything but an active practitioner of the path's clinic is refused, never ignored.
 */
@ApplicationScoped
class Attribution {

    private final Caller caller;
    private final PractitionerRepository practitioners;
    private final Lookups lookups;

    Attribution(Caller caller, PractitionerRepository practitioners, Lookups lookups) {
        this.caller = caller;
        this.practitioners = practitioners;
        this.lookups = lookups;
    }

    /** The caller as recorded on what they do: their subject and their linked practitioner, if any. */
    public Actor caller(UUID clinicId) {
        return new Actor(caller.subject(), linkedPractitioner(clinicId).orElse(null));
    }

    /**
     * A safety decision (acknowledging red flags): always the caller's own practitioner record. A body value naming
     * anyone else is refused.
     */
    public UUID callerPractitioner(UUID clinicId, UUID named, String field) {
        UUID self = linkedPractitioner(clinicId).orElseThrow(Attribution::notLinked);
        refuseAnother(self, named, field);
        return self;
    }

    /**
     * Who performed a clinical act that a record may name (needled in a session, took the history). A practitioner
     * can only name themselves (or leave the field out). A clinic admin entering a record, such as another
     * practitioner's paper notes, may name any active practitioner of the clinic; the record keeps the admin as the
     * one who entered it.
     */
    public UUID performer(UUID clinicId, UUID named, String field) {
        Optional<UUID> self = linkedPractitioner(clinicId);
        if (caller.hasRole(Roles.CLINIC_ADMIN)) {
            if (named == null) {
                return self.orElseThrow(() -> new UnprocessableException(
                        field,
                        ErrorCode.REQUIRED,
                        "is required: name the practitioner (your sign-in is not linked to a practitioner record)"));
            }
            return lookups.activePractitioner(clinicId, named, field).id;
        }
        UUID practitioner = self.orElseThrow(Attribution::notLinked);
        refuseAnother(practitioner, named, field);
        return practitioner;
    }

    private Optional<UUID> linkedPractitioner(UUID clinicId) {
        Optional<UUID> claimed = caller.practitionerId();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Practitioner practitioner = practitioners
                .findInClinic(clinicId, claimed.get())
                .filter(found -> found.active)
                .orElseThrow(() -> new AttributionException(
                        AttributionException.Reason.PRACTITIONER_LINK_REQUIRED,
                        null,
                        "Your sign-in is linked (token claim practitioner_id) to no active practitioner of this"
                                + " clinic"));
        return Optional.of(practitioner.id);
    }

    private static void refuseAnother(UUID self, UUID named, String field) {
        if (named != null && !named.equals(self)) {
            throw new AttributionException(
                    AttributionException.Reason.ACTING_FOR_ANOTHER,
                    field,
                    "Field '" + field + "' names another practitioner: it can only be you, the caller (" + self
                            + "), or be left out");
        }
    }

    private static AttributionException notLinked() {
        return new AttributionException(
                AttributionException.Reason.PRACTITIONER_LINK_REQUIRED,
                null,
                "This needs a sign-in linked to your practitioner record (token claim practitioner_id)");
    }
}
