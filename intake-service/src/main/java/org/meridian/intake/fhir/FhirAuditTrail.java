package org.meridian.intake.fhir;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.meridian.intake.audit.AuditEvent;
import org.meridian.intake.audit.AuditRepository;
import org.meridian.intake.rest.RequestIds;
import org.meridian.intake.security.Caller;

/**
 * Audits FHIR calls into the same append-only trail as /api calls (which the audit package records by itself):
 * who, which resource type and id, when, from where, and the outcome, refusals included. The open capability
 * statement holds no data and is not audited.
 */
public class FhirAuditTrail {

    private static final String PREFIX = "/fhir/r4/";
    private static final String METADATA = PREFIX + "metadata";

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    AuditRepository repository;

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    @Inject
    HttpServerRequest httpRequest;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX) || path.equals(METADATA)) {
            return;
        }
        AuditEvent event = describe(request, response, resource, path);
        if (Context.isOnEventLoopThread()) {
            // Refused before reaching the resource: the identity may still be resolving and blocking is not allowed.
            identities.getDeferredIdentity()
                    .onFailure().recoverWithNull()
                    .subscribe().with(identity -> {
                        withIdentity(event, identity);
                        vertx.executeBlocking(() -> {
                            persist(event);
                            return null;
                        }, false);
                    });
        } else {
            withIdentity(event, identities.getIdentity());
            persist(event);
        }
    }

    private AuditEvent describe(ContainerRequestContext request, ContainerResponseContext response,
            SimpleResourceInfo resource, String path) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.requestId = RequestIds.current();
        event.remoteAddress = httpRequest.remoteAddress() == null ? null : httpRequest.remoteAddress().hostAddress();
        event.httpMethod = request.getMethod();
        event.path = truncate(path, 1000);
        event.status = response.getStatus();
        if (resource != null && resource.getResourceClass() != null) {
            event.operation = resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
        }
        // /fhir/r4/{type}[/{id}]; a create's id is the last segment of its Location.
        List<String> segments = List.of(path.substring(PREFIX.length()).split("/"));
        event.resourceType = truncate(segments.getFirst(), 64);
        if (segments.size() > 1) {
            event.resourceId = truncate(segments.get(1), 64);
        } else if (response.getHeaderString("Location") != null) {
            String location = response.getHeaderString("Location");
            event.resourceId = truncate(location.substring(location.lastIndexOf('/') + 1), 64);
        }
        return event;
    }

    private static void withIdentity(AuditEvent event, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        event.subject = truncate(identity.getPrincipal().getName(), 255);
        event.roles = identity.getRoles().isEmpty() ? null
                : truncate(String.join(",", identity.getRoles().stream().sorted().toList()), 255);
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            event.subject = truncate(jwt.getSubject() != null ? jwt.getSubject() : jwt.getName(), 255);
            Object azp = jwt.getClaim("azp");
            Object clientId = azp != null ? azp : jwt.getClaim("client_id");
            event.client = clientId == null ? null : truncate(clientId.toString(), 255);
            Object clinic = jwt.getClaim(Caller.CLINIC_CLAIM);
            event.clinicId = clinic == null ? null : Uuids.parse(clinic.toString().replace("\"", "")).orElse(null);
        }
    }

    private void persist(AuditEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.persist(event));
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not write audit event for %s %s", event.httpMethod, event.path);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
