package org.meridian.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.platform.paging.PageResponse;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;

/**
 * The search of a service's audit trail (admins only). Each service exposes it under its own API path with a
 * subclass that only names the path ({@code @Path("/api/v1/intake/audit-events")}); ProblemResponsesFilter gives
 * the operation that service's own operationId ({@code listIntakeAuditEvents}).
 */
public abstract class AuditEventSearch {

    @Inject
    AuditRepository audit;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Tag(name = "Audit", description = "Who accessed which clinical data, when, and with what outcome (admins only)")
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Search the audit trail",
            description = "Oldest first; filter by subject, clinic, resource id and time")
    @APIResponse(responseCode = "200", description = "One page of audit events")
    @APIResponse(
            responseCode = "400",
            description = "Invalid filter or paging parameter",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "401",
            description = "No or invalid access token",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not an admin",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PageResponse<AuditEventResponse> search(
            @Parameter(description = "Token subject") @QueryParam("subject") @Size(max = 255) String subject,
            @Parameter(description = "Clinic (tenant) id") @QueryParam("clinicId") UUID clinicId,
            @Parameter(description = "Id of the object acted on") @QueryParam("resourceId") @Size(max = 64)
                    String resourceId,
            @Parameter(description = "From (inclusive), ISO 8601 with offset") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "To (exclusive), ISO 8601 with offset") @QueryParam("to") OffsetDateTime to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(PageResponse.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        AuditRepository.Filter filter = new AuditRepository.Filter(
                subject,
                clinicId,
                resourceId,
                from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant());
        return PageResponse.of(
                audit.search(filter, page, size).stream()
                        .map(AuditEventResponse::of)
                        .toList(),
                page,
                size,
                audit.countMatching(filter));
    }
}
