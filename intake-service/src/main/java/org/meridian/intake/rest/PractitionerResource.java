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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.mapping.PractitionerMapper;
import org.meridian.intake.rest.dto.PractitionerRequest;
import org.meridian.intake.rest.dto.PractitionerResponse;
import org.meridian.intake.service.PractitionerService;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.Preconditions;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/intake/clinics/{clinicId}/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Practitioners", description = "Practitioners of a clinic, with their background (STRICTA item 5)")
@APIResponse(
        responseCode = "404",
        description = "No such clinic or practitioner (or one of another clinic)",
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
public class PractitionerResource {

    private final PractitionerService practitioners;

    PractitionerResource(PractitionerService practitioners) {
        this.practitioners = practitioners;
    }

    @POST
    @Operation(operationId = "registerPractitioner", summary = "Register a practitioner in the clinic")
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location points at it, ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PractitionerResponse.class)))
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
            description = "Another practitioner of the clinic has this licence number",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "conflict", value = ProblemExamples.DUPLICATE)))
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response register(
            @PathParam("clinicId") UUID clinicId,
            @NotNull(message = "a JSON body is required") @Valid PractitionerRequest request,
            @Context UriInfo uriInfo) {
        Practitioner practitioner = practitioners.register(clinicId, PractitionerMapper.toDraft(request));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(practitioner.id.toString())
                        .build())
                .tag(Preconditions.etag(practitioner.version))
                .entity(PractitionerMapper.toResponse(practitioner))
                .build();
    }

    @GET
    @Path("{practitionerId}")
    @Operation(operationId = "getPractitioner", summary = "Read a practitioner")
    @APIResponse(
            responseCode = "200",
            description = "The practitioner; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PractitionerResponse.class)))
    public Response read(@PathParam("clinicId") UUID clinicId, @PathParam("practitionerId") UUID practitionerId) {
        Practitioner practitioner = practitioners
                .find(clinicId, practitionerId)
                .orElseThrow(() -> new ResourceNotFoundException("practitioner", practitionerId));
        return Response.ok(PractitionerMapper.toResponse(practitioner))
                .tag(Preconditions.etag(practitioner.version))
                .build();
    }

    @PUT
    @Path("{practitionerId}")
    @Operation(
            operationId = "updatePractitioner",
            summary = "Replace a practitioner's data",
            description = "Requires If-Match with the ETag last read")
    @APIResponse(
            responseCode = "200",
            description = "Updated; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PractitionerResponse.class)))
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
            description = "Licence number taken, or a concurrent update won",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "conflict", value = ProblemExamples.DUPLICATE)))
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
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response update(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("practitionerId") UUID practitionerId,
            @Parameter(description = "ETag of the version being replaced", example = "\"0\"")
                    @HeaderParam("If-Match")
                    @Size(max = Preconditions.MAX_IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PractitionerRequest request) {
        Practitioner practitioner = practitioners.update(
                clinicId, practitionerId, Preconditions.requiredVersion(ifMatch), PractitionerMapper.toDraft(request));
        return Response.ok(PractitionerMapper.toResponse(practitioner))
                .tag(Preconditions.etag(practitioner.version))
                .build();
    }

    @GET
    @Operation(
            operationId = "listPractitioners",
            summary = "List the clinic's practitioners",
            description = "Filters combine (all must match); sorted by registration time, then id")
    @APIResponse(responseCode = "200", description = "One page of practitioners")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging or filter parameters",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<PractitionerResponse> list(
            @PathParam("clinicId") UUID clinicId,
            @Parameter(
                            description = "Part of the given or family name (or of both, as 'given family'),"
                                    + " case-insensitive; empty means no filter",
                            example = "chen")
                    @QueryParam("name")
                    @Size(max = 201)
                    String name,
            @Parameter(description = "Exact licence number; empty means no filter", example = "BAcC-20931")
                    @QueryParam("licenceNumber")
                    @Size(max = 64)
                    String licenceNumber,
            @Parameter(
                            description = "true for active practitioners only, false for inactive ones; empty means"
                                    + " both",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("active")
                    String active,
            @Parameter(description = "Zero-based page index")
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageResponse.MAX_PAGE)
                    int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        return PageResponse.of(
                practitioners.list(
                        clinicId,
                        FilterParams.text(name),
                        FilterParams.text(licenceNumber),
                        FilterParams.flag("active", active),
                        page,
                        size),
                PractitionerMapper::toResponse);
    }
}
