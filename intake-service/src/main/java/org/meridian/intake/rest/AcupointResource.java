package org.meridian.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.intake.domain.Acupoint;
import org.meridian.intake.mapping.AcupointMapper;
import org.meridian.intake.rest.dto.AcupointCatalogueResponse;
import org.meridian.intake.rest.dto.AcupointResponse;
import org.meridian.intake.service.AcupointCatalogue;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

/**
 * The acupoint catalogue. It is a fixed reference list of 409 small items that point pickers need whole, so it is not
 * paginated; it is cacheable for a day.
 */
@Path("/api/v1/intake/acupoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Acupoints", description = "The WHO standard acupuncture points that sessions may name")
@APIResponse(
        responseCode = "500",
        description = "Unexpected error",
        content =
                @Content(
                        mediaType = ProblemDetail.MEDIA_TYPE,
                        schema = @Schema(implementation = ProblemDetail.class),
                        examples = @ExampleObject(name = "internal-error", value = ProblemExamples.INTERNAL)))
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.RESEARCHER, Roles.ADMIN})
public class AcupointResource {

    static final String SOURCE = "WHO Standard Acupuncture Point Locations in the Western Pacific Region (2008)";

    private final AcupointCatalogue catalogue;

    AcupointResource(AcupointCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Operation(
            operationId = "listAcupoints",
            summary = "List the acupoint catalogue",
            description =
                    "The 361 points of the 14 meridians and the 48 WHO"
                            + " extra points (e.g. EX-B2 Huatuojiaji), in meridian order; not paginated (a fixed reference list)")
    @APIResponse(
            responseCode = "200",
            description = "The catalogue, optionally of one meridian",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AcupointCatalogueResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid meridian parameter",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public Response list(
            @Parameter(
                            description =
                                    "Only this meridian (LU, LI, ST, SP, HT, SI, BL, KI, PC, TE, GB, LR, GV, CV, or EX"
                                            + " for extra points)",
                            example = "BL")
                    @QueryParam("meridian")
                    @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be a two-letter meridian code such as BL")
                    @Size(max = 2)
                    String meridian) {
        List<AcupointResponse> items = catalogue.all().stream()
                .filter(point -> meridian == null || point.meridian().equals(meridian.toUpperCase(Locale.ROOT)))
                .map(AcupointMapper::toResponse)
                .toList();
        return Response.ok(new AcupointCatalogueResponse(SOURCE, items.size(), items))
                .cacheControl(daily())
                .build();
    }

    @GET
    @Path("{code}")
    @Operation(
            operationId = "getAcupoint",
            summary = "Read one acupoint",
            description = "Case is ignored: bl23 finds BL23")
    @APIResponse(
            responseCode = "200",
            description = "The acupoint",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AcupointResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "Not a WHO standard acupoint code",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public Response read(
            @Parameter(description = "WHO code", example = "GB30") @PathParam("code") @Size(max = 16) String code) {
        Acupoint point = catalogue.find(code).orElseThrow(() -> new ResourceNotFoundException("acupoint", code));
        return Response.ok(AcupointMapper.toResponse(point))
                .cacheControl(daily())
                .build();
    }

    private static CacheControl daily() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setMaxAge(86_400);
        return cacheControl;
    }
}
