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
import jakarta.ws.rs.PUT;
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
import org.meridian.intake.domain.Episode;
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.mapping.EpisodeMapper;
import org.meridian.intake.rest.dto.EpisodeRequest;
import org.meridian.intake.rest.dto.EpisodeResponse;
import org.meridian.intake.rest.dto.EpisodeTransitionRequest;
import org.meridian.intake.service.EpisodeService;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.Preconditions;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/intake/clinics/{clinicId}/patients/{patientId}/episodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Episodes",
        description = "Courses of care (treatment episodes); sessions are recorded under"
                + " /api/v1/intake/clinics/{clinicId}/episodes/{episodeId}/sessions")
@APIResponse(
        responseCode = "404",
        description = "No such clinic, patient or episode (or one of another clinic)",
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
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class EpisodeResource {

    private final EpisodeService episodes;

    EpisodeResource(EpisodeService episodes) {
        this.episodes = episodes;
    }

    @POST
    @Operation(
            operationId = "startEpisode",
            summary = "Plan a course of care",
            description = "Starts as PLANNED and publishes EpisodeStarted. Refused"
                    + " (409) without an intake assessment, while a red flag awaits acknowledgement, without a current"
                    + " treatment consent, or while the patient has another open episode")
    @APIResponse(
            responseCode = "201",
            description = "Planned; Location points at it, ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeResponse.class)))
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
            description = "The patient is not cleared for needling, or has an open episode",
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
                                @ExampleObject(
                                        name = "intake-assessment-required",
                                        value = ProblemExamples.INTAKE_ASSESSMENT_REQUIRED),
                                @ExampleObject(name = "invalid-state", value = ProblemExamples.INVALID_STATE)
                            }))
    @RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
    public Response plan(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @NotNull(message = "a JSON body is required") @Valid EpisodeRequest request,
            @Context UriInfo uriInfo) {
        Episode episode = episodes.plan(clinicId, patientId, EpisodeMapper.toDraft(request));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(episode.id.toString())
                        .build())
                .tag(Preconditions.etag(episode.version))
                .entity(view(clinicId, patientId, episode))
                .build();
    }

    @GET
    @Path("{episodeId}")
    @Operation(operationId = "getEpisode", summary = "Read an episode")
    @APIResponse(
            responseCode = "200",
            description = "The episode; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeResponse.class)))
    public Response read(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @PathParam("episodeId") UUID episodeId) {
        Episode episode = episodes.find(clinicId, patientId, episodeId)
                .orElseThrow(() -> new ResourceNotFoundException("episode", episodeId));
        return Response.ok(view(clinicId, patientId, episode))
                .tag(Preconditions.etag(episode.version))
                .build();
    }

    @PUT
    @Path("{episodeId}")
    @Operation(
            operationId = "updateEpisode",
            summary = "Change the plan of an open episode",
            description = "Requires If-Match. Publishes EpisodeUpdated")
    @APIResponse(
            responseCode = "200",
            description = "Updated; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeResponse.class)))
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
            description = "The episode is closed, or a concurrent update won",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "invalid-state", value = ProblemExamples.INVALID_STATE)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match names an older version: someone else changed it",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples =
                                    @ExampleObject(
                                            name = "precondition-failed",
                                            value = ProblemExamples.PRECONDITION_FAILED)))
    @APIResponse(
            responseCode = "422",
            description = "startDate is after a session already recorded",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "unprocessable", value = ProblemExamples.UNPROCESSABLE)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match is missing (or `*`, which names no version)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples =
                                    @ExampleObject(
                                            name = "precondition-required",
                                            value = ProblemExamples.PRECONDITION_REQUIRED)))
    @RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
    public Response update(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @PathParam("episodeId") UUID episodeId,
            @Parameter(description = "ETag of the version being replaced", example = "\"0\"")
                    @HeaderParam("If-Match")
                    @Size(max = Preconditions.MAX_IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid EpisodeRequest request) {
        Episode episode = episodes.update(
                clinicId, patientId, episodeId, Preconditions.requiredVersion(ifMatch), EpisodeMapper.toDraft(request));
        return Response.ok(view(clinicId, patientId, episode))
                .tag(Preconditions.etag(episode.version))
                .build();
    }

    @POST
    @Path("{episodeId}/transitions")
    @Operation(
            operationId = "transitionEpisode",
            summary = "Change an episode's status",
            description =
                    "PLANNED -> ACTIVE -> COMPLETED, or PLANNED/ACTIVE"
                            + " -> DISCONTINUED (with a reason). Activation re-checks red flags and treatment consent. Publishes"
                            + " EpisodeUpdated, or EpisodeClosed for COMPLETED and DISCONTINUED. If-Match is honoured when sent")
    @APIResponse(
            responseCode = "200",
            description = "Changed; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EpisodeResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (e.g. DISCONTINUED without a reason)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "validation-error", value = ProblemExamples.VALIDATION)))
    @APIResponse(
            responseCode = "409",
            description = "Transition not allowed, or the patient is not cleared for needling",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = {
                                @ExampleObject(name = "invalid-state", value = ProblemExamples.INVALID_STATE),
                                @ExampleObject(
                                        name = "refer-before-needling",
                                        value = ProblemExamples.REFER_BEFORE_NEEDLING)
                            }))
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
    @RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
    public Response transition(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @PathParam("episodeId") UUID episodeId,
            @Parameter(description = "ETag of the version read (optional)", example = "\"0\"")
                    @HeaderParam("If-Match")
                    @Size(max = Preconditions.MAX_IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid EpisodeTransitionRequest request) {
        Episode episode = episodes.transition(
                clinicId, patientId, episodeId, Preconditions.optionalVersion(ifMatch), EpisodeMapper.toDraft(request));
        return Response.ok(view(clinicId, patientId, episode))
                .tag(Preconditions.etag(episode.version))
                .build();
    }

    @GET
    @Operation(
            operationId = "listEpisodes",
            summary = "List the patient's episodes",
            description = "Sorted by creation time, then id")
    @APIResponse(responseCode = "200", description = "One page of episodes")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameters",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<EpisodeResponse> list(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @Parameter(description = "Zero-based page index")
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageResponse.MAX_PAGE)
                    int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        IntakeAssessment classifiedBy =
                episodes.classification(clinicId, patientId).orElse(null);
        return PageResponse.of(
                episodes.list(clinicId, patientId, page, size),
                episode -> EpisodeMapper.toResponse(episode, classifiedBy));
    }

    /** The episode with the classifications of the patient's latest intake assessment. */
    private EpisodeResponse view(UUID clinicId, UUID patientId, Episode episode) {
        return EpisodeMapper.toResponse(
                episode, episodes.classification(clinicId, patientId).orElse(null));
    }
}
