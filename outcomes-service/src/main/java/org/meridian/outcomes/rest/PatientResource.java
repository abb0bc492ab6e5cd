package org.meridian.outcomes.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.meridian.outcomes.persistence.ProjectedPatient;
import org.meridian.outcomes.rest.dto.KnownPatientResponse;
import org.meridian.outcomes.service.KnownPatients;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.problem.ProblemDetail;

@Path("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients", description = "Whether outcomes-service knows a patient yet (from intake's event feed)")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class PatientResource {

    private final KnownPatients patients;

    PatientResource(KnownPatients patients) {
        this.patients = patients;
    }

    @GET
    @Operation(
            operationId = "getKnownPatient",
            summary = "Find out whether outcomes knows a patient yet",
            description = """
            200 once intake's event feed has announced the patient in the clinic: submissions about them are then
            linked at once instead of waiting as `linkStatus: PENDING`. 404 until then, and for a pseudonym intake
            never issued or another clinic's patient alike. A cheap read, for a client that would otherwise poll its
            submissions' linkStatus.""")
    @APIResponse(
            responseCode = "200",
            description = "The patient is known",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = KnownPatientResponse.class)))
    @APIResponse(
            responseCode = "401",
            description = "No or invalid access token",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "unauthenticated", value = ApiExamples.UNAUTHENTICATED)))
    @APIResponse(
            responseCode = "403",
            description = "A role that may not see a clinic's patients",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN)))
    @APIResponse(
            responseCode = "404",
            description = "Not known yet, never issued, or another clinic's patient (or, for patients, someone else)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class),
                            examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)))
    public KnownPatientResponse get(@PathParam("clinicId") UUID clinicId, @PathParam("pseudonymId") UUID pseudonymId) {
        ProjectedPatient patient = patients.announced(clinicId, pseudonymId);
        return new KnownPatientResponse(patient.clinicId, patient.pseudonymId, true, patient.knownSince);
    }
}
