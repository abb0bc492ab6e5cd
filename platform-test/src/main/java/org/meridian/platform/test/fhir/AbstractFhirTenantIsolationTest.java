package org.meridian.platform.test.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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
import org.meridian.platform.test.security.TestTokens;

/**
 * Tenancy by object on FHIR, driven by the CapabilityStatement (the FHIR operations' contract; they are not in the
 * OpenAPI document): a read of another clinic's or another patient's resource answers exactly like a read of an id
 * nobody has, and a search naming another tenant's patient or object answers exactly like one naming nobody, so
 * neither existence nor counts leak. A resource type, interaction or search parameter this test cannot place fails
 * it, so that a new one cannot be forgotten.
 *
 * @param <T> the service's fixture: one patient of a clinic with an object of every kind the API names by id
 */
public abstract class AbstractFhirTenantIsolationTest<T> {

    private static final String FHIR_JSON = "application/fhir+json";

    /** A search parameter that names a tenant's patient or object: the query's name, what precedes the id, the id. */
    public record IdParameter<T>(String query, String prefix, Function<T, String> id) {}

    /** A patient of a new clinic. */
    protected abstract T newClinicPatient();

    /** Another patient of the clinic of {@code neighbour}. */
    protected abstract T anotherPatientOf(T neighbour);

    protected abstract UUID clinicId(T tenant);

    /** A patient-only token for the tenant's patient. */
    protected abstract String patientToken(T tenant);

    /** The id a tenant's resource of each type has (a UUID, possibly followed by a suffix). */
    protected abstract Map<String, Function<T, String>> readIds();

    /** Resource types that are a catalogue every caller may read, not a tenant's data. */
    protected abstract Set<String> catalogues();

    /** Search parameters that name a tenant's patient or object, by name or by Type.name, in each form they take. */
    protected abstract Map<String, List<IdParameter<T>>> idParameters();

    /** Search parameters that name no tenant's object (catalogue entries, codes, dates). */
    protected abstract Set<String> otherParameters();

    private record Caller<T>(String name, String token, T victim) {}

    private static Object ownPatient;
    private static Object otherClinic;
    private static Object otherPatient;

    @SuppressWarnings("unchecked")
    private T tenant(Object tenant) {
        return (T) tenant;
    }

    @Test
    void everyResourceInteractionAndSearchParameterIsPlaced() {
        for (Map<String, Object> resource : resources()) {
            String type = (String) resource.get("type");
            assertThat(readIds().containsKey(type) || catalogues().contains(type))
                    .as("whose data " + type + " is (readIds or catalogues)")
                    .isTrue();
            // A create names no existing object (the service's subclass says why for its own creates); any other
            // interaction needs a case here.
            for (String interaction : interactions(resource)) {
                assertThat(interaction).as(type + " interaction").isIn("read", "search-type", "create");
            }
            if (readIds().containsKey(type)) {
                for (String parameter : searchParameters(resource)) {
                    assertThat(!idParameters(type, parameter).isEmpty()
                                    || otherParameters().contains(parameter))
                            .as(type + " search parameter " + parameter + " (idParameters or otherParameters)")
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
            if (catalogues().contains(type)) {
                continue;
            }
            for (Caller<T> caller : callers()) {
                if (interactions(resource).contains("read")) {
                    tests.add(DynamicTest.dynamicTest(
                            "read " + type + " as " + caller.name(), () -> checkRead(type, caller)));
                }
                if (interactions(resource).contains("search-type")) {
                    for (String parameter : searchParameters(resource)) {
                        for (IdParameter<T> id : idParameters(type, parameter)) {
                            tests.add(DynamicTest.dynamicTest(
                                    "search " + type + "?" + id.query() + "=" + id.prefix() + " as " + caller.name(),
                                    () -> checkSearch(type, id, caller)));
                        }
                    }
                }
            }
        }
        return tests.stream();
    }

    private void checkRead(String type, Caller<T> caller) {
        String foreign = readIds().get(type).apply(caller.victim());
        String unknown = UUID.randomUUID() + foreign.substring(36);
        Map<String, String> placeholders = Map.of(foreign, "{id}", unknown, "{id}");
        ComparableAnswer answer =
                ComparableAnswer.of(get(caller.token(), type + "/" + foreign, Map.of()), placeholders);
        ComparableAnswer expected =
                ComparableAnswer.of(get(caller.token(), type + "/" + unknown, Map.of()), placeholders);
        assertThat(answer)
                .as("reading another tenant's " + type + ", compared with an unknown id")
                .isEqualTo(expected);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("OperationOutcome");
    }

    private void checkSearch(String type, IdParameter<T> id, Caller<T> caller) {
        String foreign = id.id().apply(caller.victim());
        String unknown = UUID.randomUUID().toString();
        Map<String, String> placeholders = Map.of(foreign, "{id}", unknown, "{id}");
        Response found = get(caller.token(), type, Map.of(id.query(), id.prefix() + foreign));
        ComparableAnswer answer = ComparableAnswer.of(found, placeholders);
        ComparableAnswer expected =
                ComparableAnswer.of(get(caller.token(), type, Map.of(id.query(), id.prefix() + unknown)), placeholders);
        assertThat(answer)
                .as("searching " + type + " by another tenant's " + id.query() + ", compared with an unknown one")
                .isEqualTo(expected);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.jsonPath().getInt("total")).isZero();
    }

    private List<IdParameter<T>> idParameters(String type, String parameter) {
        return idParameters()
                .getOrDefault(type + "." + parameter, idParameters().getOrDefault(parameter, List.of()));
    }

    /** Clinic B's practitioner about clinic A's patient; clinic B's patient about clinic A's and about a neighbour. */
    private List<Caller<T>> callers() {
        T own = tenant(ownPatient);
        String patient = patientToken(own);
        return List.of(
                new Caller<>(
                        "a practitioner, about another clinic's patient",
                        TestTokens.practitioner(clinicId(own)),
                        tenant(otherClinic)),
                new Caller<>(
                        "a clinic admin, about another clinic's patient",
                        TestTokens.clinicAdmin(clinicId(own)),
                        tenant(otherClinic)),
                new Caller<>("a patient, about another clinic's patient", patient, tenant(otherClinic)),
                new Caller<>("a patient, about another patient of the clinic", patient, tenant(otherPatient)));
    }

    private static Response get(String token, String path, Map<String, String> query) {
        return given().auth()
                .oauth2(token)
                .accept(FHIR_JSON)
                .queryParams(query)
                .when()
                .get("/fhir/r4/" + path)
                .then()
                .extract()
                .response();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources() {
        JsonPath metadata = given().accept(FHIR_JSON)
                .when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return (List<Map<String, Object>>) metadata.getList("rest[0].resource", Map.class).stream()
                .map(resource -> (Map<String, Object>) resource)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> interactions(Map<String, Object> resource) {
        return ((List<Map<String, Object>>) resource.getOrDefault("interaction", List.of()))
                .stream().map(interaction -> (String) interaction.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> searchParameters(Map<String, Object> resource) {
        return ((List<Map<String, Object>>) resource.getOrDefault("searchParam", List.of()))
                .stream().map(parameter -> (String) parameter.get("name")).toList();
    }

    private synchronized void ensureTenants() {
        if (ownPatient == null) {
            ownPatient = newClinicPatient();
            otherPatient = anotherPatientOf(tenant(ownPatient));
            otherClinic = newClinicPatient();
        }
    }
}
