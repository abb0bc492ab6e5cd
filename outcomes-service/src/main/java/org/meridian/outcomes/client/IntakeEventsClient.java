package org.meridian.outcomes.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service's internal event feed; base URL from meridian.intake.url, timeouts in application.properties. Each
 * call presents outcomes-service's service token as a bearer token ({@link ServiceTokenHeaders}).
 */
@RegisterRestClient(configKey = "intake")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/internal/v1/intake/events")
public interface IntakeEventsClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    IntakeEventPage events(@QueryParam("after") long after, @QueryParam("limit") int limit);
}
