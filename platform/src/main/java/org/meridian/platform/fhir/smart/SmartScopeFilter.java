package org.meridian.platform.fhir.smart;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.meridian.platform.fhir.FhirErrors;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.security.Caller;

/**
 * SMART on FHIR scopes on every FHIR interaction: the access token's {@code scope} claim must hold a resource scope
 * granting the interaction on the resource type ({@code patient/Observation.rs}, {@code user/*.cruds}, ...), or the
 * request is refused with 403 and {@code insufficient_scope}. Scopes only narrow: the roles and the clinic still decide
 * as they do without them. A request that only a patient-level scope allows is limited to the patient in context
 * ({@link FhirAccess}).
 */
public class SmartScopeFilter {

    @Inject
    Caller caller;

    @Inject
    FhirAccess access;

    @ServerRequestFilter
    public Optional<Response> requireScope(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return Optional.empty(); // the resource's role check answers 401
        }
        Optional<FhirRequest> fhir =
                FhirRequest.of(request.getMethod(), request.getUriInfo().getPath());
        if (fhir.isEmpty()) {
            return Optional.empty();
        }
        String type = fhir.get().resourceType();
        FhirInteraction interaction = fhir.get().interaction();
        Optional<ScopeContext> grant = SmartScopes.parse(caller.scope()).grant(type, interaction);
        if (grant.isPresent()) {
            access.granted(grant.get());
            return Optional.empty();
        }
        String needed = type + "." + interaction.letter();
        Response refused = FhirErrors.toResponse(FhirFailures.of(
                403,
                IssueType.FORBIDDEN,
                "The access token's scopes do not allow " + interaction.name().toLowerCase(java.util.Locale.ROOT)
                        + " of " + type + ": it needs patient/" + needed + ", user/" + needed + " or system/"
                        + needed + " (or the same with *)"));
        return Optional.of(Response.fromResponse(refused)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"user/" + needed + "\"")
                .build());
    }
}
