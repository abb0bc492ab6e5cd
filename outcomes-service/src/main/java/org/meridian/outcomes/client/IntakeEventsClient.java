package org.meridian.outcomes.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** intake-service's internal event feed; base URL from meridian.intake.url, timeouts in application.properties. */
@RegisterRestClient(configKey = "intake")
@Path("/internal/v1/intake/events")
@ClientHeaderParam(name = "X-Service-Token", value = "${meridian.internal-token}")
public interface IntakeEventsClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    IntakeEventPage events(@QueryParam("after") long after, @QueryParam("limit") int limit);
}
