package org.meridian.outcomes.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.meridian.outcomes.rest.problem.ResourceNotFoundException;

/**
 * Object-level authorization by path: a {clinicId} in the path must be the caller's clinic, and a patient may only
 * reach paths of their own {pseudonymId}. A mismatch answers 404, exactly as if the object did not exist.
 * Role checks are the resources' {@code @RolesAllowed}; services additionally filter every query by the path's clinic.
 */
public class TenantGuard {

    @Inject
    Caller caller;

    @ServerRequestFilter
    public void checkTenant(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return; // the resource's role check answers 401
        }
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String clinicId = path.getFirst("clinicId");
        if (clinicId != null && !caller.hasRole(Roles.ADMIN) && !matches(caller.clinicId(), clinicId)) {
            throw new ResourceNotFoundException("clinic", clinicId);
        }
        String pseudonymId = path.getFirst("pseudonymId");
        if (pseudonymId != null && caller.hasRole(Roles.PATIENT) && !matches(caller.pseudonymId(), pseudonymId)) {
            throw new ResourceNotFoundException("patient", pseudonymId);
        }
    }

    private static boolean matches(Optional<UUID> claim, String pathValue) {
        return claim.map(id -> id.toString().equalsIgnoreCase(pathValue)).orElse(false);
    }
}
