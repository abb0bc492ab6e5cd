package org.meridian.outcomes.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.outcomes.domain.AssessmentStatus;
import org.meridian.outcomes.domain.Timepoint;
import org.meridian.outcomes.mapping.AssessmentMapper;
import org.meridian.outcomes.metrics.CountedSubmission;
import org.meridian.outcomes.metrics.SubmissionMetrics;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.persistence.AssessmentRepository;
import org.meridian.outcomes.rest.dto.AssessmentResponse;
import org.meridian.outcomes.rest.dto.CompleteDraftRequest;
import org.meridian.outcomes.rest.dto.SubmitAssessmentRequest;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;
import org.meridian.outcomes.service.AssessmentService;
import org.meridian.outcomes.service.SubmissionCommand;
import org.meridian.outcomes.service.SubmissionResult;
import org.meridian.platform.paging.PageOf;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Caller;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.Preconditions;
import org.meridian.platform.web.problem.ErrorCode;
import org.meridian.platform.web.problem.InvalidRequestException;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Assessments",
        description = "Questionnaire submissions: idempotent, scored on arrival, linked to sessions and follow-ups")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
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
        description = "A role that may not see patients' assessments (researcher, admin)",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN)))
@APIResponse(
        responseCode = "404",
        description = "A patient the clinic does not know (another clinic's; for reads one nobody announced or"
                + " submitted about; for submissions a pseudonym intake never issued in the clinic), another patient's"
                + " data (for patients), or no such assessment",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
public class AssessmentResource {

    /**
     * The longest Location this resource sends: the absolute URL of the new assessment, made of the scheme, host and
     * prefix the request named (its headers are at most quarkus.http.limits.max-header-size, 20 KiB, altogether) and a
     * path of three UUIDs under 200 characters.
     */
    static final int MAX_LOCATION = 20_480 + 200;

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final AssessmentService service;
    private final AssessmentMapper mapper;
    private final Caller caller;

    AssessmentResource(AssessmentService service, AssessmentMapper mapper, Caller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CountedSubmission(SubmissionMetrics.Channel.API)
    @Operation(operationId = "submitAssessment", summary = "Submit a questionnaire", description = """
            Scores the answers under the pinned instrument version's policy and stores them item by item.
            Retry safely with an `Idempotency-Key` header (or `submissionId` in the body): a replay answers 200 with
            the first result and creates nothing; the same key with different content is a 409. Answers that cannot be
            scored are a 422 naming each item (`answers.<itemCode>`), and nothing is stored, unless `draft` is true.
            A submission about a patient or session that intake's feed has not announced yet is accepted with
            `linkStatus: PENDING` and linked when the events arrive (the clinic then reads that patient's submissions
            back); `PENDING` for longer than 7 days becomes `EXPIRED` (kept). A pseudonym intake says it never issued
            in the clinic is a 404, like a patient of another clinic; while intake cannot be asked, the submission is
            accepted as `PENDING`. POST_SESSION answers later than 2 hours after the session's start are accepted and
            flagged `late`. A FOLLOW_UP counts `followUpWeeks` from an episode's start: for a patient known to have no
            episode that started on or before the answer's date it is a 422 with code `no_episode`, nothing stored,
            and the same key may be retried once the clinic has recorded the episode.""")
    @APIResponse(
            responseCode = "201",
            description = "Stored and scored (or saved as a draft)",
            headers = {
                @Header(
                        name = "Location",
                        description = "URL of the new assessment",
                        schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = MAX_LOCATION)),
                @Header(
                        name = "ETag",
                        description = "Version for If-Match",
                        schema = @Schema(type = SchemaType.STRING, maxLength = Preconditions.MAX_ETAG))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "A replay of an earlier submission with the same idempotency key: its first result",
            headers =
                    @Header(
                            name = REPLAYED,
                            description = "true",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request (missing field, field not allowed for the timepoint, malformed JSON)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples =
                                    @ExampleObject(name = "session-required", value = ApiExamples.INVALID_SUBMISSION)))
    @APIResponse(
            responseCode = "409",
            description = "The idempotency key was used for a different submission",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "key-reused", value = ApiExamples.IDEMPOTENCY_CONFLICT)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown instrument/version, answers that cannot be scored (each item named), or a"
                    + " FOLLOW_UP without an episode to follow (no_episode)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "unscoreable", value = ApiExamples.UNSCOREABLE)))
    public Response submit(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("pseudonymId") UUID pseudonymId,
            @Parameter(description = "Client-generated key making the submission retryable (1-128 characters)")
                    @HeaderParam(IDEMPOTENCY_KEY)
                    @Pattern(regexp = "[\\x21-\\x7E]{1,128}", message = "must be 1-128 visible ASCII characters")
                    @Size(max = 128)
                    String idempotencyKey,
            @Valid @NotNull SubmitAssessmentRequest request,
            UriInfo uriInfo) {
        String key = idempotencyKey;
        if (request.submissionId() != null) {
            String submissionId = request.submissionId().toString();
            if (key != null && !key.equals(submissionId)) {
                throw new InvalidRequestException(
                        "submissionId",
                        ErrorCode.INCONSISTENT,
                        "differs from the Idempotency-Key header; send one or make them equal");
            }
            key = submissionId;
        }
        SubmissionResult result = service.submit(new SubmissionCommand(
                clinicId,
                pseudonymId,
                request.instrumentCode(),
                request.instrumentVersion(),
                request.timepoint(),
                request.sessionId(),
                request.episodeId(),
                request.followUpWeeks(),
                request.answeredAt().toInstant(),
                request.recallPeriod(),
                request.answers(),
                Boolean.TRUE.equals(request.draft()),
                key,
                caller.subject()));
        AssessmentEntity row = result.assessment();
        Response.ResponseBuilder response = result.created()
                ? Response.created(
                        uriInfo.getAbsolutePathBuilder().path(row.id.toString()).build())
                : Response.ok().header(REPLAYED, "true");
        return response.tag(String.valueOf(row.version))
                .entity(mapper.toResponse(row))
                .build();
    }

    @GET
    @Operation(
            operationId = "listAssessments",
            summary = "List a patient's assessments",
            description = "Sorted by answer time, then receipt, then id")
    @APIResponse(responseCode = "200", description = "One page of assessments")
    @APIResponse(
            responseCode = "400",
            description = "Invalid filter or paging parameter",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "bad-size", value = ApiExamples.BAD_PAGE_SIZE)))
    public PageResponse<AssessmentResponse> list(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("pseudonymId") UUID pseudonymId,
            @Parameter(description = "Instrument code") @QueryParam("instrument") @Size(max = InstrumentLimits.CODE)
                    String instrument,
            @Parameter(
                            description = "BASELINE, PRE_SESSION, POST_SESSION, FOLLOW_UP or AD_HOC",
                            schema = @Schema(implementation = Timepoint.class))
                    @QueryParam("timepoint")
                    String timepoint,
            @Parameter(description = "Episode id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("episodeId")
                    String episodeId,
            @Parameter(description = "SCORED or DRAFT", schema = @Schema(implementation = AssessmentStatus.class))
                    @QueryParam("status")
                    String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PageOf<AssessmentEntity> found = service.search(
                new AssessmentRepository.Filter(
                        clinicId,
                        pseudonymId,
                        instrument,
                        QueryParams.enumValue("timepoint", timepoint, Timepoint.class),
                        QueryParams.uuid("episodeId", episodeId),
                        QueryParams.enumValue("status", status, AssessmentStatus.class)),
                page,
                size);
        return PageResponse.of(found, mapper::toResponse);
    }

    @GET
    @Path("/{assessmentId}")
    @Operation(
            operationId = "getAssessment",
            summary = "One assessment",
            description = "Answers item by item, score, details, policy and version")
    @APIResponse(
            responseCode = "200",
            description = "The assessment",
            headers =
                    @Header(
                            name = "ETag",
                            description = "Version for If-Match",
                            schema = @Schema(type = SchemaType.STRING, maxLength = Preconditions.MAX_ETAG)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentResponse.class)))
    public Response read(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("pseudonymId") UUID pseudonymId,
            @PathParam("assessmentId") UUID assessmentId) {
        AssessmentEntity row = service.find(clinicId, pseudonymId, assessmentId)
                .orElseThrow(() -> new ResourceNotFoundException("assessment", assessmentId));
        return Response.ok(mapper.toResponse(row))
                .tag(String.valueOf(row.version))
                .build();
    }

    @PUT
    @Path("/{assessmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "completeAssessmentDraft",
            summary = "Complete a draft",
            description = "Replaces a draft's answers and scores them; scored assessments never change."
                    + " Requires If-Match with the ETag last read.")
    @APIResponse(
            responseCode = "200",
            description = "The completed (or still draft) assessment",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AssessmentResponse.class)))
    @APIResponse(
            responseCode = "409",
            description = "The assessment is already scored, or was changed by a concurrent request",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match does not match the current version",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "stale", value = ApiExamples.STALE_VERSION)))
    @APIResponse(
            responseCode = "422",
            description = "The answers cannot be scored (and draft is not set)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "unscoreable", value = ApiExamples.UNSCOREABLE)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match is missing (or `*`, which names no version)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public Response completeDraft(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("pseudonymId") UUID pseudonymId,
            @PathParam("assessmentId") UUID assessmentId,
            @Parameter(description = "ETag of the version last read")
                    @HeaderParam("If-Match")
                    @Size(max = Preconditions.MAX_IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CompleteDraftRequest request) {
        AssessmentEntity row = service.completeDraft(
                clinicId,
                pseudonymId,
                assessmentId,
                request.answers(),
                request.answeredAt() == null ? null : request.answeredAt().toInstant(),
                Boolean.TRUE.equals(request.draft()),
                Preconditions.requiredVersion(ifMatch));
        return Response.ok(mapper.toResponse(row))
                .tag(String.valueOf(row.version))
                .build();
    }
}
