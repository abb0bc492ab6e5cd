package org.meridian.intake.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.meridian.intake.rest.dto.PatientRequest;
import org.meridian.intake.service.PatientService;
import org.meridian.platform.fhir.FhirErrors;
import org.meridian.platform.fhir.FhirFailures;
import org.meridian.platform.fhir.FhirJson;
import org.meridian.platform.fhir.FhirScope;
import org.meridian.platform.fhir.FhirUrls;
import org.meridian.platform.fhir.SearchBundles;
import org.meridian.platform.fhir.SearchParameters;
import org.meridian.platform.fhir.Uuids;
import org.meridian.platform.fhir.smart.FhirAccess;
import org.meridian.platform.security.Caller;
import org.meridian.platform.security.Roles;
import org.meridian.platform.web.ConcurrentWrite;
import org.meridian.platform.web.problem.CommonProblem;
import org.meridian.platform.web.problem.ConflictException;

/**
 * Patient: read and search within the caller's clinic (a patient: their own record), and create from an EHR through
 * the same PatientService as the native API (validation, identifier uniqueness, PatientRegistered event), optionally
 * conditional on an identifier. Hidden from OpenAPI: the CapabilityStatement is the contract (see MetadataResource).
 */
@Path("/fhir/r4/Patient")
@Produces({MeridianFhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@RolesAllowed({Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
public class PatientFhirResource {

    private static final Set<String> PARAMETERS = Set.of("identifier", "name", "birthdate", "_id");

    private final FhirQueries queries;
    private final PatientRegistrations registrations;
    private final PatientReader reader;
    private final FhirAccess fhirAccess;

    PatientFhirResource(
            FhirQueries queries, PatientRegistrations registrations, Validator validator, FhirAccess fhirAccess) {
        this.queries = queries;
        this.registrations = registrations;
        this.reader = new PatientReader(validator);
        this.fhirAccess = fhirAccess;
    }

    @POST
    @Operation(hidden = true)
    @RolesAllowed({Roles.PRACTITIONER, Roles.CLINIC_ADMIN})
    @Consumes({MeridianFhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response create(String body, @HeaderParam("If-None-Exist") String ifNoneExist, @Context UriInfo uri) {
        FhirScope scope = fhirAccess.scope(Caller.PATIENT_CLAIM);
        if (scope.isPatient()) {
            throw FhirFailures.of(
                    403,
                    IssueType.FORBIDDEN,
                    "Only a patient-level scope allows this create, and it is about the patient in launch context: it"
                            + " cannot register another patient (that needs user/Patient.c)");
        }
        Patient resource = FhirJson.parse(body, Patient.class);
        PatientRequest request = reader.read(resource);
        Optional<ConditionalCreate.Criterion> criterion = ifNoneExist == null || ifNoneExist.isBlank()
                ? Optional.empty()
                : Optional.of(ConditionalCreate.parse(ifNoneExist, resource));
        PatientService.Registration registration;
        try {
            registration = registrations.register(
                    scope.clinicId(), org.meridian.intake.mapping.PatientMapper.toDraft(request), criterion);
        } catch (RuntimeException e) {
            // A plain create (native or FHIR) of the same identifier committed first: the database's unique
            // constraint refused this one. A conditional create answers with that patient, as if it had come second.
            boolean duplicate = e instanceof ConflictException conflict && conflict.kind() == CommonProblem.CONFLICT
                    || ConcurrentWrite.causing(e).isPresent();
            if (duplicate && criterion.isPresent()) {
                Optional<org.meridian.intake.domain.Patient> winner =
                        registrations.holder(scope.clinicId(), criterion.get());
                if (winner.isPresent()) {
                    return FhirJson.ok(PatientMapper.toResource(winner.get())).build();
                }
            }
            throw e;
        }
        Patient saved = PatientMapper.toResource(registration.patient());
        if (!registration.created()) {
            return FhirJson.ok(saved).build();
        }
        return FhirJson.status(201, saved)
                .location(URI.create(FhirUrls.version(
                        uri, "Patient", saved.getIdPart(), saved.getMeta().getVersionId())))
                .build();
    }

    @GET
    @Operation(hidden = true)
    @Path("/{id}")
    public Response read(@PathParam("id") String id) {
        FhirScope scope = fhirAccess.scope(Caller.PATIENT_CLAIM);
        return Uuids.parse(id)
                .flatMap(uuid -> queries.patient(scope, uuid))
                .map(patient -> FhirJson.ok(PatientMapper.toResource(patient)).build())
                .orElseThrow(() -> FhirFailures.notFound("No Patient with id " + id));
    }

    @GET
    @Operation(hidden = true)
    public Response search(@Context UriInfo uri) {
        FhirScope scope = fhirAccess.scope(Caller.PATIENT_CLAIM);
        SearchParameters parameters = new SearchParameters(uri.getQueryParameters(), PARAMETERS);
        Optional<UUID> patient = scope.restrict(
                parameters.single("_id").map(id -> Uuids.parse(id).orElse(FhirScope.NOBODY)));
        TokenParam identifier = parameters
                .single("identifier")
                .map(value -> SearchParameters.token("identifier", value))
                .orElse(null);
        int count = parameters.count();
        int page = parameters.page();
        FhirQueries.Page<org.meridian.intake.domain.Patient> found = queries.patients(
                scope.clinicId(),
                new FhirQueries.PatientCriteria(
                        patient.orElse(null),
                        identifier,
                        parameters.single("name").orElse(null),
                        parameters.dates("birthdate")),
                page,
                count);
        return FhirJson.ok(SearchBundles.searchset(
                        found.items().stream().map(PatientMapper::toResource).toList(),
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
