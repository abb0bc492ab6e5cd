package org.meridian.outcomes.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.outcomes.mapping.InstrumentMapper;
import org.meridian.outcomes.rest.dto.InstrumentResponse;
import org.meridian.outcomes.scoring.instrument.InstrumentLimits;
import org.meridian.outcomes.service.InstrumentRegistry;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

@Path("/api/v1/outcomes/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Instruments",
        description = "The versioned instrument registry: what to ask, valid answers, scoring policy, MCID")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.RESEARCHER, Roles.ADMIN})
@APIResponse(
        responseCode = "401",
        description = "No or invalid access token",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "unauthenticated", value = ApiExamples.UNAUTHENTICATED)))
public class InstrumentResource {

    private final InstrumentRegistry instruments;

    InstrumentResource(InstrumentRegistry instruments) {
        this.instruments = instruments;
    }

    @GET
    @Operation(
            operationId = "listInstruments",
            summary = "List instrument versions",
            description = "Every registered version, in registry order")
    @APIResponse(responseCode = "200", description = "One page of instrument versions")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameter",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "bad-size", value = ApiExamples.BAD_PAGE_SIZE)))
    public PageResponse<InstrumentResponse> list(
            @Parameter(description = "Only this instrument code") @QueryParam("code") @Size(max = InstrumentLimits.CODE)
                    String code,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(100) int size) {
        List<InstrumentResponse> all = instruments.all().stream()
                .filter(definition -> code == null || definition.code().equals(code))
                .map(definition -> InstrumentMapper.toResponse(definition, instruments.isCurrent(definition)))
                .toList();
        int from = (int) Math.min((long) page * size, all.size());
        return PageResponse.of(all.subList(from, Math.min(from + size, all.size())), page, size, all.size());
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getInstrument", summary = "Current version of an instrument")
    @APIResponse(responseCode = "200", description = "The instrument version used when a client names only the code")
    @APIResponse(
            responseCode = "404",
            description = "No such instrument",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    public InstrumentResponse current(
            @Parameter(description = "Instrument code, e.g. ODI") @PathParam("code") @Size(max = InstrumentLimits.CODE)
                    String code) {
        return instruments
                .findCurrent(code)
                .map(definition -> InstrumentMapper.toResponse(definition, true))
                .orElseThrow(() -> new ResourceNotFoundException("instrument", code));
    }

    @GET
    @Path("/{code}/versions/{version}")
    @Operation(
            operationId = "getInstrumentVersion",
            summary = "One instrument version",
            description = "Items, answer options with values, recall periods,"
                    + " direction, licence notice, LOINC codes, scoring policy and MCID")
    @APIResponse(responseCode = "200", description = "The instrument version")
    @APIResponse(
            responseCode = "404",
            description = "No such instrument version",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    public InstrumentResponse version(
            @Parameter(description = "Instrument code, e.g. ODI") @PathParam("code") @Size(max = InstrumentLimits.CODE)
                    String code,
            @Parameter(description = "Version, e.g. 2.1a") @PathParam("version") @Size(max = InstrumentLimits.VERSION)
                    String version) {
        return instruments
                .find(code, version)
                .map(definition -> InstrumentMapper.toResponse(definition, instruments.isCurrent(definition)))
                .orElseThrow(() -> new ResourceNotFoundException("instrument version", code + " " + version));
    }
}
