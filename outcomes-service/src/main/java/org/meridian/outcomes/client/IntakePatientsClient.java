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
 * intake-service's internal patient links (event-contract PatientLink); same base URL, timeouts and service token as
 * the feed.
 */
@RegisterRestClient(configKey = "intake")
@Path("/internal/v1/intake/clinics/{clinicId}/patients/{patientId}/link")
@RegisterClientHeaders(ServiceTokenHeaders.class)
public interface IntakePatientsClient {

    /** The patient's pseudonym; a 404 (no such patient in the clinic) is thrown as a WebApplicationException. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    PatientLink link(@PathParam("clinicId") UUID clinicId, @PathParam("patientId") UUID patientId);

    record PatientLink(UUID patientId, UUID clinicId, UUID pseudonymId) {}
}
