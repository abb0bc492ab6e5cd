package org.meridian.platform.audit;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.meridian.platform.security.Caller;
import org.meridian.platform.web.RequestIds;

/**
 * Writes an audit row for every API and FHIR call (reads and writes of clinical data, and refusals), outside the
 * request's transaction so that a rolled-back request is still audited, and before the response leaves (through
 * {@link AuditWriter}, which commits the rows of concurrent requests together). Health, metrics, OpenAPI and the
 * open FHIR capability statement hold no clinical data and are not audited.
 */
public class AuditTrail {

    private static final String API_PREFIX = "/api/";
    private static final String FHIR_PREFIX = "/fhir/r4/";
    private static final String FHIR_METADATA = FHIR_PREFIX + "metadata";
    private static final long WRITE_TIMEOUT_SECONDS = 30;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    AuditWriter writer;

    @Inject
    Clock clock;

    @Inject
    HttpServerRequest httpRequest;

    @ServerResponseFilter
    public Uni<Void> record(
            ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        boolean fhir = path.startsWith(FHIR_PREFIX) && !path.equals(FHIR_METADATA);
        if (!path.startsWith(API_PREFIX) && !fhir) {
            return Uni.createFrom().voidItem();
        }
        AuditEvent event = describe(request, response, resource, path);
        if (Context.isOnEventLoopThread()) {
            // The request never reached a resource (its token or role was refused). The identity may still be
            // resolving, and blocking here is not allowed: the answer waits, without a thread, for the row's commit.
            return identities
                    .getDeferredIdentity()
                    .onFailure()
                    .recoverWithNull()
                    .onItem()
                    .transformToUni(identity -> {
                        withIdentity(event, identity);
                        return Uni.createFrom().completionStage(() -> writer.append(event));
                    })
                    .ifNoItem()
                    .after(Duration.ofSeconds(WRITE_TIMEOUT_SECONDS))
                    .fail()
                    .onFailure()
                    .invoke(failure -> logFailure(event, failure))
                    .onFailure()
                    .recoverWithNull()
                    .replaceWithVoid();
        }
        withIdentity(event, identities.getIdentity());
        persist(event);
        return Uni.createFrom().voidItem();
    }

    private AuditEvent describe(
            ContainerRequestContext request,
            ContainerResponseContext response,
            SimpleResourceInfo resource,
            String path) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.requestId = RequestIds.current();
        event.remoteAddress = httpRequest.remoteAddress() == null
                ? null
                : httpRequest.remoteAddress().hostAddress();
        event.httpMethod = request.getMethod();
        event.path = path;
        event.status = response.getStatus();
        if (resource != null && resource.getResourceClass() != null) {
            event.operation = resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
            if (auditsQuery(resource)) {
                event.query = request.getUriInfo().getRequestUri().getRawQuery();
            }
        }
        MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
        event.clinicId = parseUuid(parameters.getFirst("clinicId"));
        if (path.startsWith(FHIR_PREFIX)) {
            // FHIR paths carry no clinic: the clinic is the token's (set with the identity).
            identifyFhirResource(event, path, response.getHeaderString("Location"));
        } else {
            identifyResource(
                    event,
                    request.getUriInfo().getPathSegments().stream()
                            .map(s -> s.getPath())
                            .toList(),
                    parameters);
        }
        return event;
    }

    private static boolean auditsQuery(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(AuditQuery.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** /fhir/r4/{type}[/{id}]; a create's id is in its Location, [base]/{type}/{id}/_history/{version}. */
    private static void identifyFhirResource(AuditEvent event, String path, String location) {
        List<String> segments = List.of(path.substring(FHIR_PREFIX.length()).split("/"));
        event.resourceType = segments.getFirst();
        if (segments.size() > 1) {
            event.resourceId = segments.get(1);
        } else if (location != null) {
            String resource = location.replaceFirst("/_history/[^/]*$", "");
            event.resourceId = resource.substring(resource.lastIndexOf('/') + 1);
        }
    }

    private static void withIdentity(AuditEvent event, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        event.subject = identity.getPrincipal().getName();
        event.roles = identity.getRoles().isEmpty()
                ? null
                : String.join(",", identity.getRoles().stream().sorted().toList());
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            event.subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
            Object azp = jwt.getClaim("azp");
            Object clientId = azp != null ? azp : jwt.getClaim("client_id");
            event.client = clientId == null ? null : clientId.toString();
            if (event.clinicId == null && jwt.getClaim(Caller.CLINIC_CLAIM) != null) {
                event.clinicId =
                        parseUuid(jwt.getClaim(Caller.CLINIC_CLAIM).toString().replace("\"", ""));
            }
        }
    }

    /** The object acted on: the last id in the path, typed by the collection segment before it. */
    private static void identifyResource(
            AuditEvent event, List<String> segments, MultivaluedMap<String, String> parameters) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            String segment = segments.get(i);
            if (parameters.values().stream().anyMatch(values -> values.contains(segment))) {
                event.resourceId = segment;
                event.resourceType = i > 0 ? segments.get(i - 1) : null;
                return;
            }
        }
        event.resourceType = segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }

    /** Waits until the row is committed (outside the request's transaction, so a rolled-back request is audited). */
    private void persist(AuditEvent event) {
        try {
            writer.append(event).get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            logFailure(event, e.getCause());
        } catch (TimeoutException e) {
            logFailure(event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            logFailure(event, e);
        }
    }

    private static void logFailure(AuditEvent event, Throwable failure) {
        if (failure != null) {
            Log.errorf(failure, "Could not write audit event for %s %s", event.httpMethod, event.path);
        }
    }

    private static UUID parseUuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
