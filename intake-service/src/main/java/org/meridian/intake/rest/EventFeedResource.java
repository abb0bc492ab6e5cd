package org.meridian.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.intake.mapping.EventMapper;
import org.meridian.intake.rest.dto.EventPageResponse;
import org.meridian.intake.service.EventFeedService;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;

/**
 * The event feed for outcomes-service (docs/events.md). It lives under {@value #INTERNAL_PREFIX}, which the gateway
 * does not route. Callers are services with a bearer JWT of the same issuer whose audience is meridian-intake and whose
 * groups hold event-feed-reader (outcomes-service, client meridian-outcomes); {@code AudienceGuard} keeps such tokens
 * to this prefix and every other token out of it (docs/security.md#service-to-service).
 */
@Path(EventFeedResource.INTERNAL_PREFIX + "/v1/intake/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Internal: event feed",
        description = "Service-to-service only; not routed by the gateway. Bearer JWT with audience meridian-intake and"
                + " role event-feed-reader (client credentials of meridian-outcomes); user tokens are refused")
@APIResponse(
        responseCode = "500",
        description = "Unexpected error",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "internal-error", value = ProblemExamples.INTERNAL)))
@RolesAllowed(Roles.EVENT_FEED_READER)
public class EventFeedResource {

    /**
     * The OpenAPI security scheme of the internal endpoints (a service's bearer JWT), defined and required by {@link
     * ServiceTokenOpenApiFilter}: as annotations, Quarkus would put it on every @RolesAllowed operation instead of
     * bearer.
     */
    static final String SERVICE_TOKEN = "serviceToken";

    /** Every internal endpoint lives under this prefix. */
    public static final String INTERNAL_PREFIX = "/internal";

    private final EventFeedService feed;
    private final ObjectMapper json;

    EventFeedResource(EventFeedService feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @GET
    @Operation(
            operationId = "readIntakeEvents",
            summary = "Read intake events after a position",
            description = "Events in position order. Store"
                    + " nextAfter as your cursor and deduplicate on eventId. A position is served only once every lower"
                    + " position has committed or rolled back, so reading with a cursor never skips an event")
    @APIResponse(
            responseCode = "200",
            description = "Up to `limit` events",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventPageResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid after or limit",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public EventPageResponse read(
            @Parameter(description = "Exclusive lower bound: the nextAfter of the previous page, 0 at the start")
                    @QueryParam("after")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(Long.MAX_VALUE)
                    long after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500)
                    int limit) {
        long head = feed.head();
        return EventMapper.toPage(feed.after(after, limit), after, head, json);
    }
}
