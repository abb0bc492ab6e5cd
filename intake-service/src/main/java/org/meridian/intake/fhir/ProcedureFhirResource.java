package org.meridian.intake.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Procedure;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.meridian.intake.domain.Practitioner;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.intake.service.AcupointCatalogue;
import org.meridian.platform.fhir.FhirErrors;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirJson;
import org.meridian.platform.fhir.FhirScope;
import org.meridian.platform.fhir.SearchBundles;
import org.meridian.platform.fhir.SearchParameters;
import org.meridian.platform.fhir.Uuids;
import org.meridian.platform.fhir.smart.FhirAccess;
import org.meridian.platform.security.Caller;
import org.meridian.platform.security.Roles;

/**
 * Procedure: one per acupuncture session, with the session's id; read and search by patient and date.
 * Hidden from OpenAPI: the CapabilityStatement is the contract (see MetadataResource).
 */
@Path("/fhir/r4/Procedure")
@Produces({MeridianFhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class ProcedureFhirResource {

    private static final Set<String> PARAMETERS = Set.of("patient", "subject", "date");

    private final FhirQueries queries;
    private final ProcedureMapper mapper;
    private final FhirAccess fhirAccess;

    ProcedureFhirResource(FhirQueries queries, AcupointCatalogue acupoints, FhirAccess fhirAccess) {
        this.queries = queries;
        this.mapper = new ProcedureMapper(acupoints::find);
        this.fhirAccess = fhirAccess;
    }

    @GET
    @Operation(hidden = true)
    @Path("/{id}")
    public Response read(@PathParam("id") String id) {
        FhirScope scope = fhirAccess.scope(Caller.PATIENT_CLAIM);
        return Uuids.parse(id)
                .flatMap(uuid -> queries.session(scope, uuid))
                .map(session -> FhirJson.ok(toResources(scope, List.of(session)).getFirst())
                        .build())
                .orElseThrow(() -> FhirFailures.notFound("No Procedure with id " + id));
    }

    @GET
    @Operation(hidden = true)
    public Response search(@Context UriInfo uri) {
        FhirScope scope = fhirAccess.scope(Caller.PATIENT_CLAIM);
        SearchParameters parameters = new SearchParameters(uri.getQueryParameters(), PARAMETERS);
        UUID patient = scope.restrict(PatientParameter.of(parameters)).orElse(null);
        int count = parameters.count();
        int page = parameters.page();
        FhirQueries.Page<TreatmentSession> found =
                queries.sessions(scope.clinicId(), patient, parameters.dates("date"), page, count);
        return FhirJson.ok(SearchBundles.searchset(toResources(scope, found.items()), found.total(), page, count, uri))
                .build();
    }

    private List<Procedure> toResources(FhirScope scope, List<TreatmentSession> sessions) {
        Map<UUID, Practitioner> practitioners = queries.practitioners(
                scope.clinicId(),
                sessions.stream()
                        .map(session -> session.practitionerId)
                        .distinct()
                        .toList());
        return sessions.stream()
                .map(session -> mapper.toResource(session, practitioners.get(session.practitionerId)))
                .toList();
    }

    @ServerExceptionMapper
    Response failure(Throwable failure) {
        return FhirErrors.toResponse(failure);
    }
}
