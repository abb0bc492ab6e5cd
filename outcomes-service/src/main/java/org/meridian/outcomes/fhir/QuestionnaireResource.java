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
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.meridian.outcomes.service.InstrumentRegistry;
import org.meridian.platform.fhir.FhirErrors;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirJson;
import org.meridian.platform.fhir.SearchBundles;
import org.meridian.platform.fhir.SearchParameters;
import org.meridian.platform.security.Roles;

/**
 * Every instrument version as a Questionnaire: read and search by url, version and (LOINC) code; any role.
 * Hidden from OpenAPI: the CapabilityStatement is the contract (see MetadataResource).
 */
@Path("/fhir/r4/Questionnaire")
@Produces({MeridianFhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.RESEARCHER, Roles.ADMIN})
public class QuestionnaireResource {

    private static final Set<String> PARAMETERS = Set.of("url", "version", "code");

    private final FhirCatalogue catalogue;
    private final QuestionnaireMapper mapper = new QuestionnaireMapper();

    QuestionnaireResource(InstrumentRegistry registry) {
        this.catalogue = FhirCatalogues.of(registry);
    }

    @GET
    @Operation(hidden = true)
    public Response search(@Context UriInfo uri) {
        SearchParameters parameters = new SearchParameters(uri.getQueryParameters(), PARAMETERS);
        List<String> urls = parameters.anyOf("url");
        List<String> versions = parameters.anyOf("version");
        List<TokenParam> codes = parameters.tokens("code");
        int count = parameters.count();
        int page = parameters.page();
        List<Questionnaire> matches = catalogue.all().stream()
                .map(mapper::toQuestionnaire)
                .filter(questionnaire -> urls.isEmpty() || urls.contains(questionnaire.getUrl()))
                .filter(questionnaire -> versions.isEmpty() || versions.contains(questionnaire.getVersion()))
                .filter(questionnaire ->
                        codes.isEmpty() || codes.stream().anyMatch(code -> hasCode(questionnaire, code)))
                .toList();
        List<Questionnaire> onPage =
                matches.stream().skip((long) page * count).limit(count).toList();
        return FhirJson.ok(SearchBundles.searchset(onPage, matches.size(), page, count, uri))
                .build();
    }

    @GET
    @Operation(hidden = true)
    @Path("/{id}")
    public Response read(@PathParam("id") String id) {
        return catalogue
                .byId(id)
                .map(instrument ->
                        FhirJson.ok(mapper.toQuestionnaire(instrument)).build())
                .orElseThrow(() -> FhirFailures.notFound("No Questionnaire with id " + id));
    }

    private static boolean hasCode(Questionnaire questionnaire, TokenParam token) {
        Stream<Coding> codings = Stream.concat(
                questionnaire.getCode().stream(),
                questionnaire.getItem().stream().flatMap(item -> item.getCode().stream()));
        return codings.anyMatch(coding -> SearchParameters.matches(token, coding.getSystem(), coding.getCode()));
    }

    @ServerExceptionMapper
    Response failure(Throwable failure) {
        return FhirErrors.toResponse(failure);
    }
}
