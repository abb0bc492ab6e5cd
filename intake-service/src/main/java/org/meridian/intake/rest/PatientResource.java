package org.meridian.intake.rest;

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
import org.meridian.intake.domain.Patient;
import org.meridian.intake.mapping.PatientMapper;
import org.meridian.intake.rest.dto.PatientRequest;
import org.meridian.intake.rest.dto.PatientResponse;
import org.meridian.intake.service.PatientService;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.Preconditions;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/intake/clinics/{clinicId}/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Patients",
        description = "Patients of a clinic. Identifying data stays in intake-service; everything"
                + " published carries only the pseudonymous id")
@APIResponse(
        responseCode = "404",
        description = "No such clinic or patient (or one of another clinic)",
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
public class PatientResource {

    private final PatientService patients;

    PatientResource(PatientService patients) {
        this.patients = patients;
    }

    @POST
    @Operation(
            operationId = "registerPatient",
            summary = "Register a patient",
            description = "Gives the patient a random pseudonymous id and publishes"
                    + " PatientRegistered (age band, birth year, sex; never names, date of birth or contact details)")
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location points at it, ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatientResponse.class)))
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
            description = "Another patient of the clinic holds one of the identifiers",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "conflict", value = ProblemExamples.DUPLICATE)))
    @APIResponse(
            responseCode = "422",
            description = "The same identifier is listed twice",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "unprocessable", value = ProblemExamples.UNPROCESSABLE)))
    public Response register(
            @PathParam("clinicId") UUID clinicId,
            @NotNull(message = "a JSON body is required") @Valid PatientRequest request,
            @Context UriInfo uriInfo) {
        Patient patient = patients.register(clinicId, PatientMapper.toDraft(request));
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(patient.id.toString())
                        .build())
                .tag(Preconditions.etag(patient.version))
                .entity(PatientMapper.toResponse(patient))
                .build();
    }

    @GET
    @Path("{patientId}")
    @Operation(operationId = "getPatient", summary = "Read a patient")
    @APIResponse(
            responseCode = "200",
            description = "The patient; ETag is its version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatientResponse.class)))
    @RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
    public Response read(@PathParam("clinicId") UUID clinicId, @PathParam("patientId") UUID patientId) {
        Patient patient = patients.find(clinicId, patientId)
                .orElseThrow(() -> new ResourceNotFoundException("patient", patientId));
        return Response.ok(PatientMapper.toResponse(patient))
                .tag(Preconditions.etag(patient.version))
                .build();
    }

    @PUT
    @Path("{patientId}")
    @Operation(
            operationId = "updatePatient",
            summary = "Replace a patient's data",
            description = "Requires If-Match with the ETag last read. Publishes"
                    + " PatientUpdated when a published attribute (birth year, age band, sex) changes")
    @APIResponse(
            responseCode = "200",
            description = "Updated; ETag is the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatientResponse.class)))
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
            description = "An identifier is taken, or a concurrent update won",
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
            responseCode = "422",
            description = "The same identifier is listed twice",
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
    public Response update(
            @PathParam("clinicId") UUID clinicId,
            @PathParam("patientId") UUID patientId,
            @Parameter(description = "ETag of the version being replaced", example = "\"0\"")
                    @HeaderParam("If-Match")
                    @Size(max = Preconditions.MAX_IF_MATCH)
                    String ifMatch,
            @NotNull(message = "a JSON body is required") @Valid PatientRequest request) {
        Patient patient = patients.update(
                clinicId, patientId, Preconditions.requiredVersion(ifMatch), PatientMapper.toDraft(request));
        return Response.ok(PatientMapper.toResponse(patient))
                .tag(Preconditions.etag(patient.version))
                .build();
    }

    @GET
    @Operation(
            operationId = "searchPatients",
            summary = "Search the clinic's patients",
            description = "Filters combine; sorted by family name, given" + " name, then id")
    @APIResponse(responseCode = "200", description = "One page of patients")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging or search parameters",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<PatientResponse> search(
            @PathParam("clinicId") UUID clinicId,
            @Parameter(
                            description = "Part of the given or family name, case-insensitive, at least 2 characters;"
                                    + " empty means no filter",
                            example = "nguy")
                    @QueryParam("name")
                    @Pattern(regexp = "^$|^[\\s\\S]{2,100}$", message = "must be empty or 2 to 100 characters")
                    @Size(max = 100)
                    String name,
            @Parameter(
                            description =
                                    "Exact medical record number (an identifier of type MRN); empty means no filter",
                            example = "MRN-0048213")
                    @QueryParam("mrn")
                    @Size(max = 64)
                    String mrn,
            @Parameter(description = "Zero-based page index")
                    @QueryParam("page")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(PageResponse.MAX_PAGE)
                    int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100)
                    int size) {
        return PageResponse.of(
                patients.search(clinicId, blankToNull(name), blankToNull(mrn), page, size), PatientMapper::toResponse);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
