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
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.meridian.platform.fhir.FhirErrors;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirJson;
import org.meridian.platform.fhir.FhirScope;
import org.meridian.platform.fhir.SearchBundles;
import org.meridian.platform.fhir.SearchParameters;
import org.meridian.platform.fhir.smart.FhirAccess;
import org.meridian.platform.security.Caller;
import org.meridian.platform.security.Roles;

/**
 * Condition: back pain from the intake assessments, one per pain site; read and search by patient.
 * Hidden from OpenAPI: the CapabilityStatement is the contract (see MetadataResource).
 */
@Path("/fhir/r4/Condition")
@Produces({MeridianFhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class ConditionFhirResource {

    private static final Set<String> PARAMETERS = Set.of("patient", "subject");

    private final FhirQueries queries;
    private final FhirAccess fhirAccess;

    ConditionFhirResource(FhirQueries queries, FhirAccess fhirAccess) {
        this.queries = queries;
        this.fhirAccess = fhirAccess;
    }

    @GET
    @Operation(hidden = true)
    @Path("/{id}")
    public Response read(@PathParam("id") String id) {
        FhirScope scope = fhirAccess.scope(Caller.PATIENT_CLAIM);
        return ConditionMapper.ConditionId.parse(id)
                .flatMap(conditionId -> queries.assessment(scope, conditionId.assessmentId())
                        .filter(assessment -> ConditionMapper.sites(assessment).contains(conditionId.site()))
                        .map(assessment -> ConditionMapper.toResource(assessment, conditionId.site())))
                .map(condition -> FhirJson.ok(condition).build())
                .orElseThrow(() -> FhirFailures.notFound("No Condition with id " + id));
    }

    @GET
    @Operation(hidden = true)
    public Response search(@Context UriInfo uri) {
        FhirScope scope = fhirAccess.scope(Caller.PATIENT_CLAIM);
        SearchParameters parameters = new SearchParameters(uri.getQueryParameters(), PARAMETERS);
        UUID patient = scope.restrict(PatientParameter.of(parameters)).orElse(null);
        int count = parameters.count();
        int page = parameters.page();
        FhirQueries.Page<FhirQueries.AssessmentSite> found = queries.conditions(scope.clinicId(), patient, page, count);
        return FhirJson.ok(SearchBundles.searchset(
                        found.items().stream()
                                .map(row -> ConditionMapper.toResource(row.assessment(), row.site()))
                                .toList(),
                        found.total(),
                        page,
                        count,
                        uri))
                .build();
    }

    @ServerExceptionMapper
    Response failure(Throwable failure) {
        return FhirErrors.toResponse(failure);
    }
}
