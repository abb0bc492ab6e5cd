package org.meridian.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.intake.rest.dto.IssuedPseudonymResponse;
import org.meridian.intake.service.PatientService;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

/**
 * Whether intake issued a pseudonym in a clinic, for outcomes-service: a submission may name a pseudonym before the
 * feed has brought its PatientRegistered event, and outcomes refuses one intake never issued (docs/events.md).
 * Guarded like the event feed: outcomes' service token (audience meridian-intake, role event-feed-reader).
 */
@Path(EventFeedResource.INTERNAL_PREFIX + "/v1/intake/clinics/{clinicId}/pseudonyms/{pseudonymId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Internal: patient links",
        description = "Service-to-service only; not routed by the gateway. Bearer JWT with audience meridian-intake and"
                + " role event-feed-reader (client credentials of meridian-outcomes); user tokens are refused")
@RolesAllowed(Roles.EVENT_FEED_READER)
public class IssuedPseudonymResource {

    private final PatientService patients;

    IssuedPseudonymResource(PatientService patients) {
        this.patients = patients;
    }

    @GET
    @Operation(
            operationId = "getIssuedPseudonym",
            summary = "Find out whether a pseudonym was issued to a patient of a clinic",
            description = "404 for a pseudonym nobody has and for one of another clinic's patient alike")
    @APIResponse(
            responseCode = "200",
            description = "intake issued the pseudonym to a patient of the clinic",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedPseudonymResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No patient of the clinic has the pseudonym",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public IssuedPseudonymResponse issued(
            @PathParam("clinicId") UUID clinicId, @PathParam("pseudonymId") UUID pseudonymId) {
        return patients.findByPseudonym(clinicId, pseudonymId)
                .map(patient -> new IssuedPseudonymResponse(clinicId, patient.pseudonymId))
                .orElseThrow(() -> new ResourceNotFoundException("patient", pseudonymId.toString()));
    }
}
