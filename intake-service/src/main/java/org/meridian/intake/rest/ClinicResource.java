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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.intake.domain.Clinic;
import org.meridian.intake.mapping.ClinicMapper;
import org.meridian.intake.rest.dto.ClinicResponse;
import org.meridian.intake.rest.dto.CreateClinicRequest;
import org.meridian.intake.service.ClinicService;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/intake/clinics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clinics", description = "Clinics are the tenants of Meridian")
@APIResponse(
        responseCode = "500",
        description = "Unexpected error",
        content =
                @Content(mediaType = ProblemDetail.MEDIA_TYPE, schema = @Schema(implementation = ProblemDetail.class)))
@RolesAllowed(Roles.ADMIN)
public class ClinicResource {

    private final ClinicService clinics;

    ClinicResource(ClinicService clinics) {
        this.clinics = clinics;
    }

    @POST
    @Operation(operationId = "registerClinic", summary = "Register a clinic")
    @APIResponse(
            responseCode = "201",
            description = "Clinic registered; Location points at it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClinicResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or invalid fields; each bad field is listed",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public Response register(
            @NotNull(message = "a JSON body is required") @Valid CreateClinicRequest request,
            @jakarta.ws.rs.core.Context UriInfo uriInfo) {
        Clinic clinic = clinics.register(ClinicMapper.toDraft(request));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(clinic.id.toString())
                        .build())
                .tag(etag(clinic))
                .entity(ClinicMapper.toResponse(clinic))
                .build();
    }

    @GET
    @Path("{clinicId}")
    @Operation(operationId = "getClinic", summary = "Read a clinic")
    @APIResponse(
            responseCode = "200",
            description = "The clinic",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ClinicResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such clinic",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @RolesAllowed({Roles.ADMIN, Roles.CLINIC_ADMIN, Roles.PRACTITIONER})
    public Response read(@PathParam("clinicId") UUID id) {
        Clinic clinic = clinics.find(id).orElseThrow(() -> new ResourceNotFoundException("clinic", id));
        return Response.ok(ClinicMapper.toResponse(clinic)).tag(etag(clinic)).build();
    }

    @GET
    @Operation(
            operationId = "listClinics",
            summary = "List clinics",
            description = "Filters combine (all must match); sorted by creation time, then id")
    @APIResponse(responseCode = "200", description = "One page of clinics")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging or filter parameters",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<ClinicResponse> list(
            @Parameter(
                            description = "Part of the clinic's name, case-insensitive; empty means no filter",
                            example = "harbour")
                    @QueryParam("name")
                    @Size(max = 200)
                    String name,
            @Parameter(
                            description = "Exact registration or licence number of the clinic; empty means no filter",
                            example = "CL-2024-0193")
                    @QueryParam("registrationNumber")
                    @Size(max = 64)
                    String registrationNumber,
            @Parameter(
                            description = "true for active clinics only, false for inactive ones; empty means both",
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
                clinics.list(
                        FilterParams.text(name),
                        FilterParams.text(registrationNumber),
                        FilterParams.flag("active", active),
                        page,
                        size),
                ClinicMapper::toResponse);
    }

    private static EntityTag etag(Clinic clinic) {
        return new EntityTag(Long.toString(clinic.version));
    }
}
