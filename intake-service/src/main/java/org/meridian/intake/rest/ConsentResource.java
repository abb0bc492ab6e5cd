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
import org.meridian.intake.domain.Consent;
import org.meridian.intake.mapping.ConsentMapper;
import org.meridian.intake.rest.dto.ConsentRequest;
import org.meridian.intake.rest.dto.ConsentResponse;
import org.meridian.intake.rest.dto.ConsentWithdrawalRequest;
import org.meridian.intake.service.ConsentService;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.Preconditions;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/intake/clinics/{clinicId}/patients/{patientId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Consents",
        description = "Treatment and research consent. Research consent given or withdrawn is"
                + " published (ResearchConsentGiven / ResearchConsentWithdrawn) and takes effect for research outputs")
@APIResponse(
        responseCode = "404",
        description = "No such clinic, patient or consent (or one of another clinic)",
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
public class ConsentResource {

    private final ConsentService consents;

    ConsentResource(ConsentService consents) {
        this.consents = consents;
    }

    @POST
    @Operation(
            operationId = "giveConsent",
            summary = "Record a consent",
            description = "A current consent of the same kind becomes SUPERSEDED")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location points at it, ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsentResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or invalid fields (givenAt in the future)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "validation-error", value = ProblemExamples.VALIDATION)))
    public Response give(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @NotNull(message = "a JSON body is required") @Valid ConsentRequest request,
            @Context UriInfo uriInfo) {
        Consent consent = consents.give(clinicId, patientId, ConsentMapper.toDraft(request));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(consent.id.toString())
                        .build())
                .tag(Preconditions.etag(consent.version))
                .entity(ConsentMapper.toResponse(consent))
                .build();
    }

    @GET
    @Path("{consentId}")
    @Operation(operationId = "getConsent", summary = "Read a consent")
    @APIResponse(
            responseCode = "200",
            description = "The consent; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsentResponse.class)))
    public Response read(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @PathParam("consentId") UUID consentId) {
        Consent consent = consents.find(clinicId, patientId, consentId)
                .orElseThrow(() -> new ResourceNotFoundException("consent", consentId));
        return Response.ok(ConsentMapper.toResponse(consent))
                .tag(Preconditions.etag(consent.version))
                .build();
    }

    @POST
    @Path("{consentId}/withdrawal")
    @Operation(
            operationId = "withdrawConsent",
            summary = "Withdraw a consent",
            description = "Only a current (ACTIVE) consent can be withdrawn. Withdrawing"
                    + " research consent publishes ResearchConsentWithdrawn so research outputs exclude the patient from then on."
                    + " If-Match is honoured when sent")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConsentResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields (withdrawnAt in the future)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "validation-error", value = ProblemExamples.VALIDATION)))
    @APIResponse(
            responseCode = "409",
            description = "The consent is already withdrawn or superseded",
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
            responseCode = "422",
            description = "withdrawnAt is before the consent was given",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "unprocessable", value = ProblemExamples.UNPROCESSABLE)))
    public Response withdraw(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @PathParam("consentId") UUID consentId,
            @Parameter(description = "ETag of the version read (optional)", example = "\"0\"")
                    @HeaderParam("If-Match")
                    @Size(max = Preconditions.MAX_IF_MATCH)
                    String ifMatch,
            @Valid ConsentWithdrawalRequest request) {
        Consent consent = consents.withdraw(
                clinicId, patientId, consentId, Preconditions.optionalVersion(ifMatch), ConsentMapper.toDraft(request));
        return Response.ok(ConsentMapper.toResponse(consent))
                .tag(Preconditions.etag(consent.version))
                .build();
    }

    @GET
    @Operation(
            operationId = "listConsents",
            summary = "List the patient's consents",
            description = "Sorted by recording time, then id")
    @APIResponse(responseCode = "200", description = "One page of consents")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameters",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<ConsentResponse> list(
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
        return PageResponse.of(consents.list(clinicId, patientId, page, size), ConsentMapper::toResponse);
    }
}
