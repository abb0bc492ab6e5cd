package org.meridian.outcomes.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.meridian.platform.test.http.ComparableAnswer;
import org.meridian.outcomes.FakeIntake;
import org.meridian.outcomes.TenantFixture;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.outcomes.service.IntakeFeedConsumer;

/**
 * Tenancy by object on FHIR, driven by the CapabilityStatement (the FHIR operations' contract; they are not in the
 * OpenAPI document): a read of another clinic's or another patient's resource answers exactly like a read of an id
 * nobody has, and a search naming another tenant's patient or object answers exactly like one naming nobody, so
 * neither existence nor counts leak. A resource type, interaction or search parameter this test cannot place fails
 * it, so that a new one cannot be forgotten.
 */
@QuarkusTest
@QuarkusTestResource(FakeIntake.class)
class FhirTenantIsolationTest {

    private static final String FHIR_JSON = "application/fhir+json";

    /** The id a tenant's resource of each type has (a UUID, possibly followed by a suffix). */
    private static final Map<String, Function<TenantFixture, String>> READ_IDS = Map.of(
            "QuestionnaireResponse", TenantFixture::assessmentId,
            "Observation", TenantFixture::assessmentId);

    /** Resource types that are a catalogue every caller may read, not a tenant's data. */
    private static final Set<String> CATALOGUES = Set.of("Questionnaire");

    /** A search parameter that names a tenant's patient or object: the query's name, what precedes the id, the id. */
    private record IdParameter(String query, String prefix, Function<TenantFixture, String> id) {
    }

    /** Search parameters that name a tenant's patient or object, by name or by Type.name, in each form they take. */
    private static final Map<String, List<IdParameter>> ID_PARAMETERS = Map.of(
            "patient", List.of(new IdParameter("patient:identifier", MeridianFhir.PSEUDONYM_SYSTEM + "|",
                    tenant -> tenant.pseudonymId().toString())),
            "QuestionnaireResponse.identifier", List.of(new IdParameter("identifier", "", TenantFixture::submissionKey)));

    /** Search parameters that name no tenant's object: catalogue entries, codes and dates. */
    private static final Set<String> OTHER_PARAMETERS = Set.of("url", "version", "code", "questionnaire", "authored",
            "date", "_lastUpdated");

    private record Caller(String name, String token, TenantFixture victim) {
    }

    private static TenantFixture ownPatient;
    private static TenantFixture otherClinic;
    private static TenantFixture otherPatient;

    @Inject
    IntakeFeedConsumer consumer;

    @Test
    void everyResourceInteractionAndSearchParameterIsPlaced() {
        for (Map<String, Object> resource : resources()) {
            String type = (String) resource.get("type");
            assertThat(READ_IDS.containsKey(type) || CATALOGUES.contains(type))
                    .as("whose data " + type + " is (READ_IDS or CATALOGUES)").isTrue();
            // A create names no existing object (QuestionnaireResponse.subject goes through the same submission
            // service as the native API, whose rule TenantIsolationTest checks); any other interaction needs a case.
            for (String interaction : interactions(resource)) {
                assertThat(interaction).as(type + " interaction").isIn("read", "search-type", "create");
            }
            if (READ_IDS.containsKey(type)) {
                for (String parameter : searchParameters(resource)) {
                    assertThat(!idParameters(type, parameter).isEmpty() || OTHER_PARAMETERS.contains(parameter))
                            .as(type + " search parameter " + parameter + " (ID_PARAMETERS or OTHER_PARAMETERS)")
                            .isTrue();
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> anotherTenantsResourceIsAnsweredLikeAnUnknownOne() {
        ensureTenants();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> resource : resources()) {
            String type = (String) resource.get("type");
            if (CATALOGUES.contains(type)) {
                continue;
            }
            for (Caller caller : callers()) {
                if (interactions(resource).contains("read")) {
                    tests.add(DynamicTest.dynamicTest("read " + type + " as " + caller.name(),
                            () -> checkRead(type, caller)));
                }
                if (interactions(resource).contains("search-type")) {
                    for (String parameter : searchParameters(resource)) {
                        for (IdParameter id : idParameters(type, parameter)) {
                            tests.add(DynamicTest.dynamicTest("search " + type + "?" + id.query() + "=" + id.prefix()
                                    + " as " + caller.name(), () -> checkSearch(type, id, caller)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    private void checkRead(String type, Caller caller) {
        String foreign = READ_IDS.get(type).apply(caller.victim());
        String unknown = UUID.randomUUID() + foreign.substring(36);
        Map<String, String> placeholders = Map.of(foreign, "{id}", unknown, "{id}");
        ComparableAnswer answer = ComparableAnswer.of(get(caller.token(), type + "/" + foreign, Map.of()), placeholders);
        ComparableAnswer expected = ComparableAnswer.of(get(caller.token(), type + "/" + unknown, Map.of()),
                placeholders);
        assertThat(answer).as("reading another tenant's " + type + ", compared with an unknown id").isEqualTo(expected);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("OperationOutcome");
    }

    private void checkSearch(String type, IdParameter id, Caller caller) {
        String foreign = id.id().apply(caller.victim());
        String unknown = UUID.randomUUID().toString();
        Map<String, String> placeholders = Map.of(foreign, "{id}", unknown, "{id}");
        Response found = get(caller.token(), type, Map.of(id.query(), id.prefix() + foreign));
        ComparableAnswer answer = ComparableAnswer.of(found, placeholders);
        ComparableAnswer expected = ComparableAnswer.of(get(caller.token(), type,
                Map.of(id.query(), id.prefix() + unknown)), placeholders);
        assertThat(answer).as("searching " + type + " by another tenant's " + id.query() + ", compared with an unknown one")
                .isEqualTo(expected);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.jsonPath().getInt("total")).isZero();
    }

    private static List<IdParameter> idParameters(String type, String parameter) {
        return ID_PARAMETERS.getOrDefault(type + "." + parameter, ID_PARAMETERS.getOrDefault(parameter, List.of()));
    }

    /** Clinic B's practitioner about clinic A's patient; clinic B's patient about clinic A's and about a neighbour. */
    private static List<Caller> callers() {
        String patient = TestTokens.pseudonymousPatient(ownPatient.clinicId(), ownPatient.pseudonymId());
        return List.of(
                new Caller("a practitioner, about another clinic's patient",
                        TestTokens.practitioner(ownPatient.clinicId()), otherClinic),
                new Caller("a clinic admin, about another clinic's patient",
                        TestTokens.clinicAdmin(ownPatient.clinicId()), otherClinic),
                new Caller("a patient, about another clinic's patient", patient, otherClinic),
                new Caller("a patient, about another patient of the clinic", patient, otherPatient));
    }

    private static Response get(String token, String path, Map<String, String> query) {
        return given().auth().oauth2(token).accept(FHIR_JSON).queryParams(query).when().get("/fhir/r4/" + path)
                .then().extract().response();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources() {
        JsonPath metadata = given().accept(FHIR_JSON).when().get("/fhir/r4/metadata").then().statusCode(200).extract()
                .jsonPath();
        return (List<Map<String, Object>>) metadata.getList("rest[0].resource", Map.class).stream()
                .map(resource -> (Map<String, Object>) resource).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> interactions(Map<String, Object> resource) {
        return ((List<Map<String, Object>>) resource.getOrDefault("interaction", List.of())).stream()
                .map(interaction -> (String) interaction.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> searchParameters(Map<String, Object> resource) {
        return ((List<Map<String, Object>>) resource.getOrDefault("searchParam", List.of())).stream()
                .map(parameter -> (String) parameter.get("name")).toList();
    }

    private synchronized void ensureTenants() {
        if (ownPatient == null) {
            UUID clinicB = UUID.randomUUID();
            ownPatient = TenantFixture.create(clinicB, consumer::poll);
            otherPatient = TenantFixture.create(clinicB, consumer::poll);
            otherClinic = TenantFixture.create(UUID.randomUUID(), consumer::poll);
        }
    }
}
