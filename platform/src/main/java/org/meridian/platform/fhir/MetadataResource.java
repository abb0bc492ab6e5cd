package org.meridian.platform.fhir;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The capability statement: open like any FHIR server's, so clients can discover what is supported before logging in.
 * It (with docs/fhir.md) is the contract of the /fhir endpoints, which are left out of the OpenAPI document: their
 * bodies are FHIR resources and their errors OperationOutcomes, not the problem+json the /api contract promises.
 * What it says is the service's {@link CapabilityStatementSource}.
 */
@Path("/fhir/r4/metadata")
@Produces({FhirJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class MetadataResource {

    private static final Date STARTED = new Date();

    @Inject
    CapabilityStatementSource source;

    @GET
    @Operation(hidden = true)
    @PermitAll
    public Response capabilities() {
        return FhirJson.ok(source.create(STARTED)).build();
    }

    @ServerExceptionMapper
    Response failure(Throwable failure) {
        return FhirErrors.toResponse(failure);
    }
}
