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
import org.meridian.intake.domain.IntakeAssessment;
import org.meridian.intake.mapping.IntakeAssessmentMapper;
import org.meridian.intake.rest.dto.IntakeAssessmentRequest;
import org.meridian.intake.rest.dto.IntakeAssessmentResponse;
import org.meridian.intake.rest.dto.RedFlagAcknowledgementRequest;
import org.meridian.intake.service.IntakeAssessmentService;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.Preconditions;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/intake/clinics/{clinicId}/patients/{patientId}/intake-assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Intake assessments",
        description = "Back-pain history at the first visit: pain sites, NIH Task Force"
                + " chronicity, NCD 30.3.3 eligibility, red-flag screening, analgesics, prior treatments, work status")
@APIResponse(
        responseCode = "404",
        description = "No such clinic, patient or assessment (or one of another clinic)",
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
public class IntakeAssessmentResource {

    private final IntakeAssessmentService assessments;

    IntakeAssessmentResource(IntakeAssessmentService assessments) {
        this.assessments = assessments;
    }

    @POST
    @Operation(
            operationId = "recordIntakeAssessment",
            summary = "Record an intake assessment",
            description = "Computes chronicity (NIH Task Force, for low"
                    + " back pain: CHRONIC when the pain has lasted >= 3 calendar months and occurred on at least half the days"
                    + " of the past 6 months; NOT_APPLICABLE without low back pain) and ncdEligibility (US Medicare NCD"
                    + " 30.3.3: >= 12 weeks, no identifiable systemic cause, not associated with surgery or pregnancy). Any"
                    + " positive red flag marks the patient \"refer before needling\" until a practitioner acknowledges it."
                    + " Publishes IntakeAssessmentRecorded")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location points at it, ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntakeAssessmentResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or invalid fields; each bad field is listed",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "validation-error", value = ProblemExamples.VALIDATION)))
    @APIResponse(
            responseCode = "422",
            description = "assessedBy is not an active practitioner of this clinic (or is"
                    + " missing while a clinic admin without a practitioner record enters the history), or the"
                    + " onset is before the patient's birth",
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
    @RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
    public Response record(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @NotNull(message = "a JSON body is required") @Valid IntakeAssessmentRequest request,
            @Context UriInfo uriInfo) {
        IntakeAssessment assessment = assessments.record(clinicId, patientId, IntakeAssessmentMapper.toDraft(request));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(assessment.id.toString())
                        .build())
                .tag(Preconditions.etag(assessment.version))
                .entity(IntakeAssessmentMapper.toResponse(assessment))
                .build();
    }

    @GET
    @Path("{assessmentId}")
    @Operation(operationId = "getIntakeAssessment", summary = "Read an intake assessment")
    @APIResponse(
            responseCode = "200",
            description = "The assessment; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntakeAssessmentResponse.class)))
    public Response read(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @PathParam("assessmentId") UUID assessmentId) {
        IntakeAssessment assessment = assessments
                .find(clinicId, patientId, assessmentId)
                .orElseThrow(() -> new ResourceNotFoundException("intake assessment", assessmentId));
        return Response.ok(IntakeAssessmentMapper.toResponse(assessment))
                .tag(Preconditions.etag(assessment.version))
                .build();
    }

    @POST
    @Path("{assessmentId}/red-flag-acknowledgement")
    @Operation(
            operationId = "acknowledgeRedFlags",
            summary = "Acknowledge the red flags of an assessment",
            description = "The calling practitioner records"
                    + " that they reviewed the positive red flags (when, and a note on what was decided). It is a safety"
                    + " decision: it always records the caller (token claim practitioner_id), never someone named in the body."
                    + " Until then no episode can start and no session can be recorded. If-Match is honoured when sent")
    @APIResponse(
            responseCode = "200",
            description = "Acknowledged; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntakeAssessmentResponse.class)))
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
            description = "No positive red flag, or already acknowledged",
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
                    "Not a practitioner; a sign-in without a practitioner_id claim naming an active practitioner of this clinic; or a body practitionerId other than the caller's",
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
    @RolesAllowed(Roles.PRACTITIONER)
    public Response acknowledge(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @PathParam("assessmentId") UUID assessmentId,
            @Parameter(description = "ETag of the version read (optional)", example = "\"0\"")
                    @HeaderParam("If-Match")
                    @Size(max = Preconditions.MAX_IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid RedFlagAcknowledgementRequest request) {
        IntakeAssessment assessment = assessments.acknowledgeRedFlags(
                clinicId,
                patientId,
                assessmentId,
                Preconditions.optionalVersion(ifMatch),
                IntakeAssessmentMapper.toDraft(request));
        return Response.ok(IntakeAssessmentMapper.toResponse(assessment))
                .tag(Preconditions.etag(assessment.version))
                .build();
    }

    @GET
    @Operation(
            operationId = "listIntakeAssessments",
            summary = "List the patient's intake assessments",
            description = "Sorted by assessment date, recording" + " time, then id")
    @APIResponse(responseCode = "200", description = "One page of assessments")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameters",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<IntakeAssessmentResponse> list(
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
        return PageResponse.of(assessments.list(clinicId, patientId, page, size), IntakeAssessmentMapper::toResponse);
    }
}
