package org.meridian.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.intake.mapping.SessionMapper;
import org.meridian.intake.rest.dto.SessionCancellationRequest;
import org.meridian.intake.rest.dto.SessionRequest;
import org.meridian.intake.rest.dto.SessionResponse;
import org.meridian.intake.service.SessionService;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.Preconditions;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/intake/clinics/{clinicId}/episodes/{episodeId}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Acupuncture sessions of an episode, reported as STRICTA 2010 asks")
@APIResponse(
        responseCode = "404",
        description = "No such clinic, episode or session (or one of another clinic)",
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
public class SessionResource {

    private final SessionService sessions;

    SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    @Operation(
            operationId = "recordSession",
            summary = "Record a session",
            description = "The service numbers sessions 1, 2, 3... within the episode."
                    + " Points must be WHO standard codes (GET /api/v1/intake/acupoints) on a side the point has. The first"
                    + " session of a PLANNED episode makes it ACTIVE. Publishes SessionRecorded")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location points at it, ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or invalid fields; each bad field is listed, e.g."
                    + " points[2].code for an unknown acupoint",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "validation-error", value = ProblemExamples.VALIDATION)))
    @APIResponse(
            responseCode = "409",
            description = "The episode is closed, or the patient is not cleared for needling",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = {
                                @ExampleObject(
                                        name = "refer-before-needling",
                                        value = ProblemExamples.REFER_BEFORE_NEEDLING),
                                @ExampleObject(
                                        name = "treatment-consent-required",
                                        value = ProblemExamples.TREATMENT_CONSENT_REQUIRED),
                                @ExampleObject(name = "invalid-state", value = ProblemExamples.INVALID_STATE)
                            }))
    @APIResponse(
            responseCode = "422",
            description = "practitionerId is not an active practitioner of this clinic (or is"
                    + " missing while a clinic admin without a practitioner record enters the session), or startedAt is before"
                    + " the episode's start date",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "unprocessable", value = ProblemExamples.UNPROCESSABLE)))
    @APIResponse(
            responseCode = "403",
            description =
                    "A role that may not do this; a practitioner naming another practitioner (only a clinic admin entering a record may); or a sign-in whose practitioner_id claim is missing (for a practitioner) or names no active practitioner of this clinic",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = {
                                @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN),
                                @ExampleObject(name = "acting-for-another", value = ProblemExamples.ACTING_FOR_ANOTHER),
                                @ExampleObject(
                                        name = "practitioner-link-required",
                                        value = ProblemExamples.PRACTITIONER_LINK_REQUIRED)
                            }))
    public Response record(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("episodeId") UUID episodeId,
            @NotNull(message = "a JSON body is required") @Valid SessionRequest request,
            @Context UriInfo uriInfo) {
        TreatmentSession session = sessions.record(clinicId, episodeId, SessionMapper.toDraft(request));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(session.id.toString())
                        .build())
                .tag(Preconditions.etag(session.version))
                .entity(SessionMapper.toResponse(session))
                .build();
    }

    @GET
    @Path("{sessionId}")
    @Operation(operationId = "getSession", summary = "Read a session")
    @APIResponse(
            responseCode = "200",
            description = "The session; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionResponse.class)))
    public Response read(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("episodeId") UUID episodeId,
            @PathParam("sessionId") UUID sessionId) {
        TreatmentSession session = sessions.find(clinicId, episodeId, sessionId)
                .orElseThrow(() -> new ResourceNotFoundException("session", sessionId));
        return Response.ok(SessionMapper.toResponse(session))
                .tag(Preconditions.etag(session.version))
                .build();
    }

    @POST
    @Path("{sessionId}/cancellation")
    @Operation(
            operationId = "cancelSession",
            summary = "Cancel a session",
            description = "For a session that did not take place or was recorded in"
                    + " error; its number is not reused. Publishes SessionCancelled. If-Match is honoured when sent")
    @APIResponse(
            responseCode = "200",
            description = "Cancelled; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or invalid fields",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "validation-error", value = ProblemExamples.VALIDATION)))
    @APIResponse(
            responseCode = "409",
            description = "Already cancelled",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "invalid-state", value = ProblemExamples.INVALID_STATE)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match names an older version",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples =
                                    @ExampleObject(
                                            name = "precondition-failed",
                                            value = ProblemExamples.PRECONDITION_FAILED)))
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
    public Response cancel(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("episodeId") UUID episodeId,
            @PathParam("sessionId") UUID sessionId,
            @Parameter(description = "ETag of the version read (optional)", example = "\"0\"")
                    @HeaderParam("If-Match")
                    @Size(max = Preconditions.MAX_IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid SessionCancellationRequest request) {
        TreatmentSession session = sessions.cancel(
                clinicId, episodeId, sessionId, Preconditions.optionalVersion(ifMatch), SessionMapper.toDraft(request));
        return Response.ok(SessionMapper.toResponse(session))
                .tag(Preconditions.etag(session.version))
                .build();
    }

    @GET
    @Operation(
            operationId = "listSessions",
            summary = "List the episode's sessions",
            description = "Sorted by session number")
    @APIResponse(responseCode = "200", description = "One page of sessions")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameters",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<SessionResponse> list(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("episodeId") UUID episodeId,
            @Parameter(description = "Zero-based page index")
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageResponse.MAX_PAGE)
                    int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        return PageResponse.of(sessions.list(clinicId, episodeId, page, size), SessionMapper::toResponse);
    }
}
