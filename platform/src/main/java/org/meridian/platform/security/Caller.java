package org.meridian.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified access token says: subject, roles, clinic (tenant), for staff the practitioner
 * they are, and for patients who they are.
 */
@RequestScoped
public class Caller {

    public static final String CLINIC_CLAIM = "clinic_id";
    /** Staff: the practitioner record (intake) this sign-in belongs to; see docs/security.md. */
    public static final String PRACTITIONER_CLAIM = "practitioner_id";
    /** Patients: their record in intake. */
    public static final String PATIENT_CLAIM = "patient_id";
    /** Patients: the pseudonymous id outcomes knows them by. */
    public static final String PSEUDONYM_CLAIM = "pseudonym_id";

    @Inject
    JsonWebToken token;

    public boolean isAuthenticated() {
        return token != null && token.getRawToken() != null;
    }

    public String subject() {
        return isAuthenticated() ? token.getSubject() : null;
    }

    public Set<String> roles() {
        return isAuthenticated() && token.getGroups() != null ? token.getGroups() : Set.of();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /**
     * Whether the caller acts as a patient: the patient role and no clinic staff role (practitioner, clinic-admin).
     * Such a caller reaches only their own patient's data. A token holding a staff role as well (a practitioner
     * treated at their own clinic) acts as staff of its clinic: the patient role adds nothing to it and takes nothing
     * away. The one rule for every REST and FHIR check.
     */
    public boolean isPatientOnly() {
        return hasRole(Roles.PATIENT) && !hasRole(Roles.PRACTITIONER) && !hasRole(Roles.CLINIC_ADMIN);
    }

    /** The token's granted scopes, space-separated (the {@code scope} claim), or empty. */
    public String scope() {
        Object value = isAuthenticated() ? token.getClaim("scope") : null;
        return value == null ? "" : value.toString().replace("\"", "");
    }

    public Optional<UUID> clinicId() {
        return uuidClaim(CLINIC_CLAIM);
    }

    public Optional<UUID> patientId() {
        return uuidClaim(PATIENT_CLAIM);
    }

    public Optional<UUID> pseudonymId() {
        return uuidClaim(PSEUDONYM_CLAIM);
    }

    /** The practitioner the caller is, when their token links one (claim practitioner_id). */
    public Optional<UUID> practitionerId() {
        return uuidClaim(PRACTITIONER_CLAIM);
    }

    public Optional<UUID> uuidClaim(String name) {
        if (!isAuthenticated()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
