package org.meridian.outcomes.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service's internal answer to "did you issue this pseudonym in this clinic?" (event-contract IssuedPseudonym);
 * same base URL, timeouts and service token as the feed.
 */
@RegisterRestClient(configKey = "intake")
@Path("/internal/v1/intake/clinics/{clinicId}/pseudonyms/{pseudonymId}")
@RegisterClientHeaders(ServiceTokenHeaders.class)
public interface IntakePseudonymsClient {

    /** The pseudonym as intake issued it; a 404 (never issued in the clinic) is thrown as a WebApplicationException. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    IssuedPseudonym issued(@PathParam("clinicId") UUID clinicId, @PathParam("pseudonymId") UUID pseudonymId);

    record IssuedPseudonym(UUID clinicId, UUID pseudonymId) {}
}
