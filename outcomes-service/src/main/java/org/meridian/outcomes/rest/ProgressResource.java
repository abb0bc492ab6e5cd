package org.meridian.outcomes.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.outcomes.mapping.ProgressMapper;
import org.meridian.outcomes.rest.dto.ProgressResponse;
import org.meridian.outcomes.rest.dto.TrajectoryResponse;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;
import org.meridian.outcomes.service.ProgressService;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;

@Path("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Progress",
        description = "Change from baseline, responder status (MCID), within-session change and trajectories")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
@APIResponse(
        responseCode = "400",
        description = "Invalid query parameter",
        content =
                @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@APIResponse(
        responseCode = "401",
        description = "No or invalid access token",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "unauthenticated", value = ApiExamples.UNAUTHENTICATED)))
@APIResponse(
        responseCode = "403",
        description = "A role that may not see a patient's outcomes",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN)))
@APIResponse(
        responseCode = "404",
        description = "A patient the clinic does not know (unknown, or another clinic's),"
                + " another patient's data (for patients), or an episode not theirs",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
public class ProgressResource {

    private final ProgressService progress;

    ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @Path("/progress")
    @Operation(
            operationId = "getPatientProgress",
            summary = "Change and responder status of a patient",
            description = """
            Per instrument version: baseline (first scored BASELINE, else earliest PRE_SESSION), latest later value
            (POST_SESSION excluded: see withinSession), change, improvement, percent improvement and the MCID flags
            (docs/scoring.md#change-and-responders) decided on exact fractions; for PGIC whether the latest answer is an
            improvement (codes 1-2); the first responding assessment and the sessions held before it; and within-session
            change of NRS pain (pre vs post of the same session).""")
    @APIResponse(
            responseCode = "200",
            description = "Progress over all of the patient's assessments",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgressResponse.class)))
    public ProgressResponse patientProgress(
            @PathParam("clinicId") UUID clinicId, @PathParam("pseudonymId") UUID pseudonymId) {
        return ProgressMapper.toResponse(progress.progress(clinicId, pseudonymId, null));
    }

    @GET
    @Path("/episodes/{episodeId}/progress")
    @Operation(
            operationId = "getEpisodeProgress",
            summary = "Change and responder status within one episode",
            description = "As the patient's progress, restricted to the assessments and sessions of one episode")
    @APIResponse(
            responseCode = "200",
            description = "Progress within the episode",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProgressResponse.class)))
    public ProgressResponse episodeProgress(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("pseudonymId") UUID pseudonymId,
            @PathParam("episodeId") UUID episodeId) {
        return ProgressMapper.toResponse(progress.progress(clinicId, pseudonymId, episodeId));
    }

    @GET
    @Path("/trajectory")
    @Operation(
            operationId = "getPatientTrajectory",
            summary = "Score time series per instrument",
            description =
                    "Every scored assessment (pre- and post-session included), oldest first, with session numbers")
    @APIResponse(
            responseCode = "200",
            description = "One series per instrument version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TrajectoryResponse.class)))
    public TrajectoryResponse trajectory(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("pseudonymId") UUID pseudonymId,
            @Parameter(
                            description = "Only this episode",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
                    @QueryParam("episodeId")
                    @Size(max = 36)
                    String episodeId,
            @Parameter(description = "Only this instrument code")
                    @QueryParam("instrument")
                    @Size(max = InstrumentLimits.CODE)
                    String instrument) {
        return ProgressMapper.toResponse(
                progress.trajectory(clinicId, pseudonymId, QueryParams.uuid("episodeId", episodeId), instrument));
    }
}
