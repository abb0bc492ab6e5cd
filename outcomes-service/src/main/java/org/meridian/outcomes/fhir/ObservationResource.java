package org.meridian.outcomes.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Observation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.meridian.outcomes.domain.AssessmentStatus;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.service.InstrumentRegistry;
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
 * One Observation per scored assessment (same id as its QuestionnaireResponse): read and search.
 * Hidden from OpenAPI: the CapabilityStatement is the contract (see MetadataResource).
 */
@Path("/fhir/r4/Observation")
@Produces({MeridianFhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class ObservationResource {

    private static final Set<String> PARAMETERS = Set.of("patient:identifier", "code", "date", "_lastUpdated");

    private final FhirCatalogue catalogue;
    private final ObservationMapper mapper = new ObservationMapper();
    private final AssessmentQueries queries;
    private final StoredAssessments stored;
    private final FhirAccess fhirAccess;

    ObservationResource(
            InstrumentRegistry registry, AssessmentQueries queries, StoredAssessments stored, FhirAccess fhirAccess) {
        this.catalogue = FhirCatalogues.of(registry);
        this.queries = queries;
        this.stored = stored;
        this.fhirAccess = fhirAccess;
    }

    @GET
    @Operation(hidden = true)
    @Path("/{id}")
    public Response read(@PathParam("id") String id) {
        return Uuids.parse(id)
                .flatMap(uuid -> queries.find(fhirAccess.scope(Caller.PSEUDONYM_CLAIM), uuid))
                .filter(row -> row.status == AssessmentStatus.SCORED)
                .map(row -> FhirJson.ok(toResource(row)).build())
                .orElseThrow(() -> FhirFailures.notFound("No Observation with id " + id));
    }

    @GET
    @Operation(hidden = true)
    public Response search(@Context UriInfo uri) {
        FhirScope scope = fhirAccess.scope(Caller.PSEUDONYM_CLAIM);
        SearchParameters parameters = new SearchParameters(uri.getQueryParameters(), PARAMETERS);
        Optional<UUID> patient = scope.restrict(PseudonymParameter.of(parameters, "patient:identifier"));
        List<TokenParam> codes = parameters.tokens("code");
        List<String> instruments = codes.isEmpty() ? List.of() : instrumentsWithCode(codes);
        int count = parameters.count();
        int page = parameters.page();
        AssessmentQueries.Page found = queries.search(
                new AssessmentQueries.Criteria(
                        scope.clinicId(),
                        patient.orElse(null),
                        instruments,
                        null,
                        parameters.dates("date"),
                        parameters.dates("_lastUpdated"),
                        true,
                        null),
                page,
                count);
        return FhirJson.ok(SearchBundles.searchset(
                        found.items().stream().map(this::toResource).toList(), found.total(), page, count, uri))
                .build();
    }

    /** The instruments whose score code matches; a code nothing has still filters (to nothing). */
    private List<String> instrumentsWithCode(List<TokenParam> codes) {
        List<String> matching = catalogue.all().stream()
                .filter(instrument -> ObservationMapper.code(instrument).getCoding().stream()
                        .anyMatch(coding -> codes.stream()
                                .anyMatch(
                                        code -> SearchParameters.matches(code, coding.getSystem(), coding.getCode()))))
                .map(InstrumentDefinition::code)
                .distinct()
                .toList();
        return matching.isEmpty() ? List.of("") : matching;
    }

    private Observation toResource(AssessmentEntity row) {
        InstrumentDefinition instrument = catalogue
                .find(row.instrumentCode, row.instrumentVersion)
                .orElseThrow(() -> new IllegalStateException("stored instrument version is no longer registered"));
        return mapper.toObservation(stored.submission(row), instrument, stored.score(row));
    }

    @ServerExceptionMapper
    Response failure(Throwable failure) {
        return FhirErrors.toResponse(failure);
    }
}
