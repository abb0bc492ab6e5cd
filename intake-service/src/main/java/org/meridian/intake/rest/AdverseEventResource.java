package org.meridian.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.intake.domain.AdverseEvent;
import org.meridian.intake.mapping.AdverseEventMapper;
import org.meridian.intake.rest.dto.AdverseEventRequest;
import org.meridian.intake.rest.dto.AdverseEventResponse;
import org.meridian.intake.service.AdverseEventService;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.Preconditions;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/intake/clinics/{clinicId}/episodes/{episodeId}/sessions/{sessionId}/adverse-events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Adverse events", description = "Adverse events after a session")
@APIResponse(
        responseCode = "404",
        description = "No such clinic, episode, session or adverse event",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
@APIResponse(
        responseCode = "500",
        description = "Unexpected error",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "internal-error", value = ProblemExamples.INTERNAL)))
@RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class AdverseEventResource {

    private final AdverseEventService adverseEvents;

    AdverseEventResource(AdverseEventService adverseEvents) {
        this.adverseEvents = adverseEvents;
    }

    @POST
    @Operation(operationId = "recordAdverseEvent", summary = "Record an adverse event of the session")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location points at it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdverseEventResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or invalid fields; each bad field is listed",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "validation-error", value = ProblemExamples.VALIDATION)))
    @APIResponse(
            responseCode = "409",
            description = "The session was cancelled",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "invalid-state", value = ProblemExamples.INVALID_STATE)))
    @APIResponse(
            responseCode = "403",
            description =
                    "A role that may not do this, or a practitioner_id claim that names no active practitioner of this clinic (the record keeps who did it)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = {
                                @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN),
                                @ExampleObject(
                                        name = "practitioner-link-required",
                                        value = ProblemExamples.PRACTITIONER_LINK_REQUIRED)
                            }))
    public Response record(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("episodeId") UUID episodeId,
            @PathParam("sessionId") UUID sessionId,
            @NotNull(message = "a JSON body is required") @Valid AdverseEventRequest request,
            @Context UriInfo uriInfo) {
        AdverseEvent event = adverseEvents.record(clinicId, episodeId, sessionId, AdverseEventMapper.toDraft(request));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(event.id.toString())
                        .build())
                .tag(Preconditions.etag(event.version))
                .entity(AdverseEventMapper.toResponse(event))
                .build();
    }

    @GET
    @Path("{adverseEventId}")
    @Operation(operationId = "getAdverseEvent", summary = "Read an adverse event")
    @APIResponse(
            responseCode = "200",
            description = "The adverse event",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdverseEventResponse.class)))
    public Response read(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("episodeId") UUID episodeId,
            @PathParam("sessionId") UUID sessionId,
            @PathParam("adverseEventId") UUID adverseEventId) {
        AdverseEvent event = adverseEvents
                .find(clinicId, episodeId, sessionId, adverseEventId)
                .orElseThrow(() -> new ResourceNotFoundException("adverse event", adverseEventId));
        return Response.ok(AdverseEventMapper.toResponse(event))
                .tag(Preconditions.etag(event.version))
                .build();
    }

    @GET
    @Operation(
            operationId = "listAdverseEvents",
            summary = "List the session's adverse events",
            description = "Sorted by recording time, then id")
    @APIResponse(responseCode = "200", description = "One page of adverse events")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameters",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<AdverseEventResponse> list(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("episodeId") UUID episodeId,
            @PathParam("sessionId") UUID sessionId,
            @Parameter(description = "Zero-based page index")
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageResponse.MAX_PAGE)
                    int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        return PageResponse.of(
                adverseEvents.list(clinicId, episodeId, sessionId, page, size), AdverseEventMapper::toResponse);
    }
}
