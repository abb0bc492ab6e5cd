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
import org.meridian.intake.rest.dto.PatientLinkResponse;
import org.meridian.intake.service.PatientService;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;
import org.meridian.platform.web.problem.ResourceNotFoundException;

/**
 * The pseudonym of a patient named by intake's id, for outcomes-service: a SMART launch context names intake's
 * Patient id, and outcomes knows patients only by pseudonym (docs/security.md). Guarded like the event feed: outcomes'
 * service token (audience meridian-intake, role event-feed-reader).
 */
@Path(EventFeedResource.INTERNAL_PREFIX + "/v1/intake/clinics/{clinicId}/patients/{patientId}/link")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Internal: patient links",
        description = "Service-to-service only; not routed by the gateway. Bearer JWT with audience meridian-intake and"
                + " role event-feed-reader (client credentials of meridian-outcomes); user tokens are refused")
@RolesAllowed(Roles.EVENT_FEED_READER)
public class PatientLinkResource {

    private final PatientService patients;

    PatientLinkResource(PatientService patients) {
        this.patients = patients;
    }

    @GET
    @Operation(
            operationId = "getPatientLink",
            summary = "Find the pseudonym of a patient of a clinic",
            description = "404 for a patient id nobody has and for a patient of another clinic alike")
    @APIResponse(
            responseCode = "200",
            description = "The patient's pseudonymous id",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PatientLinkResponse.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such patient in the clinic",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public PatientLinkResponse link(@PathParam("clinicId") UUID clinicId, @PathParam("patientId") UUID patientId) {
        return patients.find(clinicId, patientId)
                .map(patient -> new PatientLinkResponse(patient.id, clinicId, patient.pseudonymId))
                .orElseThrow(() -> new ResourceNotFoundException("patient", patientId.toString()));
    }
}
