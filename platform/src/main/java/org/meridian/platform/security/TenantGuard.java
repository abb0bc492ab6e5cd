package org.meridian.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.meridian.platform.web.problem.ResourceNotFoundException;

/**
 * Object-level authorization by path: a {clinicId} in the path must be the caller's clinic (admins, who manage
 * clinics, pass; their roles grant no clinical endpoint), and a patient ({@link Caller#isPatientOnly()}) may only
 * reach paths of their own record: a {patientId} (intake) must be their patient_id claim, a {pseudonymId} (outcomes)
 * their pseudonym_id claim, and a clinic path naming neither is not theirs. A mismatch answers 404, exactly as if the object did not exist. Role checks
 * are the resources' {@code @RolesAllowed}; services additionally filter every query by the path's clinic.
 */
public class TenantGuard {

    /**
     * Request property set to the caller's clinic (a {@link UUID} from the verified token) once a path naming that
     * clinic passed this guard: what per-clinic metrics may count, so that no caller can mint series for another
     * clinic. The resource's role check may still refuse the call (403).
     */
    public static final String AUTHORIZED_CLINIC = TenantGuard.class.getName() + ".authorizedClinic";

    @Inject
    Caller caller;

    @ServerRequestFilter
    public void checkTenant(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return; // the resource's role check answers 401
        }
        if (InternalPaths.isInternal(request.getUriInfo().getPath())) {
            return; // a service's call, tenant-free: its role check decides, and the endpoint answers per clinic
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String clinicId = path.getFirst("clinicId");
        if (clinicId != null && !caller.hasRole(Roles.ADMIN) && !matches(caller.clinicId(), clinicId)) {
            throw new ResourceNotFoundException("clinic", clinicId);
        }
        // Inside a clinic, a patient reaches only paths of their own record.
        if (clinicId != null && caller.isPatientOnly()) {
            String patientId = path.getFirst("patientId");
            String pseudonymId = path.getFirst("pseudonymId");
            boolean own = patientId != null
                    ? matches(caller.patientId(), patientId)
                    : matches(caller.pseudonymId(), pseudonymId);
            if (!own) {
                throw new ResourceNotFoundException(
                        "patient", String.valueOf(patientId != null ? patientId : pseudonymId));
            }
        }
        if (clinicId != null && matches(caller.clinicId(), clinicId)) {
            request.setProperty(AUTHORIZED_CLINIC, caller.clinicId().orElseThrow());
        }
    }

    private static boolean matches(Optional<UUID> claim, String pathValue) {
        return pathValue != null
                && claim.map(id -> id.toString().equalsIgnoreCase(pathValue)).orElse(false);
    }
}
