package org.meridian.outcomes.fhir;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.meridian.outcomes.metrics.CountedSubmission;
import org.meridian.outcomes.metrics.SubmissionContext;
import org.meridian.outcomes.metrics.SubmissionMetrics;
import org.meridian.outcomes.persistence.AssessmentEntity;
import org.meridian.outcomes.scoring.instrument.InstrumentDefinition;
import org.meridian.outcomes.service.InstrumentRegistry;
import org.meridian.outcomes.service.SubmissionResult;
import org.meridian.platform.fhir.FhirErrors;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirIssue;
import org.meridian.platform.fhir.FhirJson;
import org.meridian.platform.fhir.FhirScope;
import org.meridian.platform.fhir.FhirUrls;
import org.meridian.platform.fhir.SearchBundles;
import org.meridian.platform.fhir.SearchParameters;
import org.meridian.platform.fhir.Uuids;
import org.meridian.platform.fhir.smart.FhirAccess;
import org.meridian.platform.security.Caller;
import org.meridian.platform.security.Roles;

/**
 * QuestionnaireResponse: create (scored and stored by the assessment service, idempotent on the identifier), read,
 * and search within the caller's clinic (a patient: their own).
 * Hidden from OpenAPI: the CapabilityStatement is the contract (see MetadataResource).
 */
@Path("/fhir/r4/QuestionnaireResponse")
@Produces({MeridianFhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class QuestionnaireResponseResource {

    private static final Set<String> PARAMETERS =
            Set.of("patient:identifier", "questionnaire", "authored", "identifier", "_lastUpdated");

    private final FhirCatalogue catalogue;
    private final QuestionnaireResponseReader reader;
    private final QuestionnaireResponseWriter writer = new QuestionnaireResponseWriter();
    private final FhirSubmissions submissions;
    private final AssessmentQueries queries;
    private final StoredAssessments stored;
    private final Caller caller;
    private final FhirAccess fhirAccess;
    private final SubmissionContext submissionContext;

    QuestionnaireResponseResource(
            InstrumentRegistry registry,
            FhirSubmissions submissions,
            AssessmentQueries queries,
            StoredAssessments stored,
            Caller caller,
            FhirAccess fhirAccess,
            SubmissionContext submissionContext) {
        this.catalogue = FhirCatalogues.of(registry);
        this.reader = new QuestionnaireResponseReader(catalogue);
        this.submissions = submissions;
        this.queries = queries;
        this.stored = stored;
        this.caller = caller;
        this.fhirAccess = fhirAccess;
        this.submissionContext = submissionContext;
    }

    @POST
    @Operation(hidden = true)
    @Consumes({MeridianFhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @CountedSubmission(SubmissionMetrics.Channel.FHIR)
    public Response create(String body, @HeaderParam("If-None-Exist") String ifNoneExist, @Context UriInfo uri) {
        FhirScope scope = fhirAccess.scope(Caller.PSEUDONYM_CLAIM);
        submissionContext.authorizedClinic(scope.clinicId());
        QuestionnaireResponse resource = FhirJson.parse(body, QuestionnaireResponse.class);
        FhirSubmission submission = reader.read(resource);
        String key = ConditionalCreate.key(ifNoneExist, submission.idempotencyKey());
        UUID patient = patientOf(submission, scope);
        SubmissionResult result = submissions.submit(
                scope.clinicId(),
                patient,
                submission,
                key,
                caller.subject(),
                QuestionnaireResponseReader.itemExpressions(resource));
        QuestionnaireResponse saved = toResource(result.assessment());
        return result.created()
                ? FhirJson.status(201, saved)
                        .location(URI.create(FhirUrls.version(
                                uri,
                                "QuestionnaireResponse",
                                saved.getIdPart(),
                                saved.getMeta().getVersionId())))
                        .build()
                : FhirJson.ok(saved).build();
    }

    @GET
    @Operation(hidden = true)
    @Path("/{id}")
    public Response read(@PathParam("id") String id) {
        return Uuids.parse(id)
                .flatMap(uuid -> queries.find(fhirAccess.scope(Caller.PSEUDONYM_CLAIM), uuid))
                .map(row -> FhirJson.ok(toResource(row)).build())
                .orElseThrow(() -> FhirFailures.notFound("No QuestionnaireResponse with id " + id));
    }

    @GET
    @Operation(hidden = true)
    public Response search(@Context UriInfo uri) {
        FhirScope scope = fhirAccess.scope(Caller.PSEUDONYM_CLAIM);
        SearchParameters parameters = new SearchParameters(uri.getQueryParameters(), PARAMETERS);
        Optional<UUID> patient = scope.restrict(PseudonymParameter.of(parameters, "patient:identifier"));
        List<String> codes = List.of();
        String version = null;
        Optional<String> questionnaire = parameters.single("questionnaire");
        if (questionnaire.isPresent()) {
            InstrumentDefinition instrument =
                    catalogue.byCanonical(questionnaire.get()).orElse(null);
            boolean versioned = questionnaire.get().contains("|");
            codes = List.of(instrument == null ? "" : instrument.code());
            version = instrument != null && versioned ? instrument.version() : null;
        }
        String key = parameters
                .single("identifier")
                .map(value -> SubmissionIdentifiers.toKey(ConditionalCreate.identifier(value)))
                .orElse(null);
        int count = parameters.count();
        int page = parameters.page();
        AssessmentQueries.Page found = queries.search(
                new AssessmentQueries.Criteria(
                        scope.clinicId(),
                        patient.orElse(null),
                        codes,
                        version,
                        parameters.dates("authored"),
                        parameters.dates("_lastUpdated"),
                        false,
                        key),
                page,
                count);
        return FhirJson.ok(SearchBundles.searchset(
                        found.items().stream().map(this::toResource).toList(), found.total(), page, count, uri))
                .build();
    }

    private QuestionnaireResponse toResource(AssessmentEntity row) {
        InstrumentDefinition instrument = catalogue
                .find(row.instrumentCode, row.instrumentVersion)
                .orElseThrow(() -> new IllegalStateException("stored instrument version is no longer registered"));
        return writer.toResource(stored.submission(row), instrument);
    }

    /**
     * A patient submits for themselves, and a token limited to the patient in launch context for that patient (subject
     * optional); otherwise clinic staff name the patient.
     */
    private static UUID patientOf(FhirSubmission submission, FhirScope scope) {
        if (scope.patient().isPresent()) {
            UUID own = scope.patient().get();
            if (submission.pseudonymId().isPresent()
                    && !submission.pseudonymId().get().equals(own)) {
                throw FhirFailures.of(
                        403,
                        List.of(new FhirIssue(
                                IssueType.FORBIDDEN,
                                "This access token may only submit responses about its own patient (the signed-in patient, or the"
                                        + " patient in launch context)",
                                "QuestionnaireResponse.subject")));
            }
            return own;
        }
        return submission
                .pseudonymId()
                .orElseThrow(() -> FhirFailures.of(
                        400,
                        List.of(new FhirIssue(
                                IssueType.REQUIRED,
                                "subject is required: the patient's pseudonymous id as identifier "
                                        + MeridianFhir.PSEUDONYM_SYSTEM,
                                "QuestionnaireResponse.subject"))));
    }

    @ServerExceptionMapper
    Response failure(Throwable failure) {
        return FhirErrors.toResponse(failure);
    }
}
