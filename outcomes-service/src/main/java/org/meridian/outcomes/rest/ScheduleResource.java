package org.meridian.outcomes.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.meridian.outcomes.mapping.ScheduleMapper;
import org.meridian.outcomes.rest.dto.ScheduleResponse;
import org.meridian.outcomes.rest.dto.Visit12Response;
import org.meridian.outcomes.service.ScheduleService;
import org.meridian.outcomes.service.Visit12Service;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;

@Path("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedule", description = "What is due, overdue or missed, and the visit-12 improvement check")
@SecurityRequirement(name = "bearer")
@APIResponse(
        responseCode = "400",
        description = "Invalid 'at' parameter",
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
        description = "A role that may not see a patient's schedule",
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
public class ScheduleResource {

    private final ScheduleService schedules;
    private final Visit12Service visit12;
    private final Clock clock;

    ScheduleResource(ScheduleService schedules, Visit12Service visit12, Clock clock) {
        this.schedules = schedules;
        this.visit12 = visit12;
        this.clock = clock;
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
    @Operation(operationId = "getPatientSchedule", summary = "What to ask the patient now", description = """
            For the active episode: baseline (NRS, ODI, PEG), pre- and post-session NRS for each recorded session,
            and follow-ups (NRS, ODI, PEG, PGIC) 4, 12 and 26 weeks after the episode's start, each DONE, UPCOMING,
            DUE, OVERDUE or MISSED as of `at` (default now). Windows: baseline from 14 days before the start until the
            first session; pre-session until the session starts (+30 min); post-session 2 hours after the start
            (overdue, accepted and flagged late, until 24 hours); follow-ups from 7 days before to 14 days after the
            target day.""")
    @APIResponse(
            responseCode = "200",
            description = "The schedule",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ScheduleResponse.class)))
    public ScheduleResponse schedule(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("pseudonymId") UUID pseudonymId,
            @Parameter(
                            description = "Moment to evaluate, ISO 8601 with offset; default now",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("at")
                    String at) {
        return ScheduleMapper.toResponse(schedules.schedule(clinicId, pseudonymId, moment(at)));
    }

    @GET
    @Path("/episodes/{episodeId}/visit-12-check")
    @RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
    @Operation(
            operationId = "getVisit12Check",
            summary = "Visit-12 improvement check (US Medicare NCD 30.3.3)",
            description = """
            Whether the patient shows documented improvement by the MCID rules (any measure's responder flag, or PGIC
            much/very much improved) between baseline and the latest assessment of the initial course (up to 12
            sessions within 90 days of the first), whether any measure deteriorated, how many more sessions may be
            justified (8) and the count against the 20-sessions-a-year cap. Rules, first that applies decides:
            regression (any visit) -> REGRESSING; cap reached (any visit) -> ANNUAL_CAP_REACHED; initial course open ->
            INITIAL_COURSE_CONTINUES; no evidence -> INSUFFICIENT_DATA; no responder -> NOT_IMPROVING; else
            ADDITIONAL_SESSIONS_SUPPORTED. `rule` and `reason` say which rule decided and why.""")
    @APIResponse(
            responseCode = "200",
            description = "The check",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Visit12Response.class)))
    public Visit12Response visit12(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("pseudonymId") UUID pseudonymId,
            @PathParam("episodeId") UUID episodeId,
            @Parameter(
                            description = "Moment to evaluate, ISO 8601 with offset; default now",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("at")
                    String at) {
        return ScheduleMapper.toResponse(visit12.check(clinicId, pseudonymId, episodeId, moment(at)));
    }

    private Instant moment(String at) {
        OffsetDateTime parsed = QueryParams.dateTime("at", at);
        return parsed == null ? clock.instant() : parsed.toInstant();
    }
}
