package org.meridian.platform.test.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.meridian.platform.test.http.ComparableAnswer;
import org.meridian.platform.test.openapi.ServedOpenApi;
import org.meridian.platform.test.security.AuthorizationMatrix.Access;

/**
 * Tenancy by object for every operation of the OpenAPI document that names a clinic's object: called by another
 * clinic's staff, or by another patient, with that object's id, it answers exactly as for an id nobody has (the same
 * 404 problem document, so nothing tells "foreign" from "unknown"). An id or identifying value in the query of another
 * tenant gets the same answer as an unknown one. An operation naming an id this test has no fixture for, or a write
 * whose body it cannot send, fails it, so that a new endpoint cannot be forgotten. FHIR is covered by
 * AbstractFhirTenantIsolationTest.
 *
 * @param <T> the service's fixture: one patient of a clinic with an object of every kind the API names by id
 */
public abstract class AbstractTenantIsolationTest<T> {

    private final AuthorizationMatrix matrix = AuthorizationMatrix.load(getClass(), "/authorization-matrix.txt");

    /** A patient of a new clinic. */
    protected abstract T newClinicPatient();

    /** Another patient of the clinic of {@code neighbour}. */
    protected abstract T anotherPatientOf(T neighbour);

    /** The ids, and the values that identify the patient, by the names the API's parameters give them. */
    protected abstract Map<String, String> ids(T tenant);

    protected abstract UUID clinicId(T tenant);

    /** A patient-only token for the tenant's patient. */
    protected abstract String patientToken(T tenant);

    /** Path parameters that name catalogue entries any caller may read, not a tenant's objects. */
    protected abstract Set<String> catalogueKeys();

    /**
     * A valid body for each write, so that the request gets past validation to the lookup of its objects; built once,
     * for the callers' own patient.
     */
    protected abstract Map<String, String> bodies(T own);

    /** Query parameters that name no tenant's object (one naming one has the fixture's name for it). */
    protected abstract Set<String> otherQueryParameters();

    /** Query parameters whose default would make two answers differ (the moment "now"), fixed for both calls. */
    protected Map<String, String> fixedQuery() {
        return Map.of();
    }

    /**
     * Operations that accept an id nobody has by design, and the operation whose answer to an unknown id a foreign
     * id must get instead.
     */
    protected Map<String, String> unknownAccepted() {
        return Map.of();
    }

    private record Operation(
            String method,
            String path,
            List<String> pathIds,
            List<String> otherPathParameters,
            List<String> queryParameters,
            boolean hasBody,
            boolean ifMatch) {
        String name() {
            return method + " " + path;
        }

        /** The query parameters that name a tenant's object, of those in {@code ids}. */
        List<String> queryIds(Map<String, String> ids) {
            return queryParameters.stream().filter(ids::containsKey).toList();
        }
    }

    /** Who calls (always about clinic B's patient's paths), with which token and access, using whose ids. */
    private record Caller(String role, String token, Access access, String victimName, Map<String, String> victim) {}

    /** Clinic B's patient (the callers' own), clinic A's patient, and a second patient of clinic B. */
    private static Object ownPatient;

    private static Object otherClinic;
    private static Object otherPatient;
    private static Map<String, String> bodies;

    @SuppressWarnings("unchecked")
    private T own() {
        return (T) ownPatient;
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> idsOf(Object tenant) {
        return ids((T) tenant);
    }

    @Test
    void everyIdAnOperationNamesHasAFixtureAndEveryWriteABody() {
        ensureTenants();
        Set<String> fixtureIds = ids(own()).keySet();
        List<String> names = operations().stream().map(Operation::name).toList();
        for (Operation operation : operations()) {
            assertThat(operation.otherPathParameters())
                    .as("path parameters of " + operation.name()
                            + " that are neither an object's id (UUID) nor a catalogue key")
                    .isSubsetOf(catalogueKeys());
            assertThat(operation.pathIds())
                    .as("ids in the path of " + operation.name())
                    .isSubsetOf(fixtureIds);
            if (!operation.pathIds().isEmpty()) {
                assertThat(operation.path())
                        .as("an object's path names its clinic")
                        .contains("{clinicId}");
            }
            if (operation.path().contains("{clinicId}")) {
                for (String parameter : operation.queryParameters()) {
                    assertThat(fixtureIds.contains(parameter)
                                    || otherQueryParameters().contains(parameter)
                                    || fixedQuery().containsKey(parameter))
                            .as("query parameter " + parameter + " of " + operation.name() + " placed as an id or not")
                            .isTrue();
                }
                if (operation.hasBody()) {
                    assertThat(bodies)
                            .as("a valid body for " + operation.name())
                            .containsKey(operation.name());
                }
            }
        }
        assertThat(names)
                .as("operations that accept unknown ids, and their references")
                .containsAll(unknownAccepted().keySet())
                .containsAll(unknownAccepted().values());
    }

    @TestFactory
    Stream<DynamicTest> anotherTenantsIdIsAnsweredLikeAnUnknownOne() {
        ensureTenants();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations()) {
            // Internal operations answer to services, never to these users' tokens (the authorization matrix); each
            // service's tests check their own tenancy with the service credential.
            if (!operation.path().contains("{clinicId}") || operation.path().startsWith("/internal/")) {
                continue;
            }
            for (Caller caller : callers(operation)) {
                // The ids in which the victim's objects differ from the caller's own (a neighbour shares the clinic).
                List<String> ids = operation.pathIds().stream()
                        .filter(id -> !caller.victim().get(id).equals(ids(own()).get(id)))
                        .toList();
                for (String id : ids) {
                    tests.add(DynamicTest.dynamicTest(
                            operation.name() + " as " + caller.role() + " with " + caller.victimName() + "'s " + id,
                            () -> checkPath(operation, caller, List.of(id))));
                }
                if (ids.size() > 1) {
                    tests.add(DynamicTest.dynamicTest(
                            operation.name() + " as " + caller.role() + " with every id " + caller.victimName() + "'s",
                            () -> checkPath(operation, caller, ids)));
                }
                for (String id : operation.queryIds(ids(own()))) {
                    tests.add(DynamicTest.dynamicTest(
                            operation.name() + "?" + id + "= as " + caller.role() + " with " + caller.victimName()
                                    + "'s",
                            () -> checkQuery(operation, caller, id)));
                }
            }
        }
        assertThat(tests).as("operations naming a clinic's objects").isNotEmpty();
        return tests.stream();
    }

    private void checkPath(Operation operation, Caller caller, List<String> foreignIds) {
        Map<String, String> foreign = new HashMap<>(ids(own()));
        Map<String, String> unknown = new HashMap<>(ids(own()));
        Map<String, String> placeholders = new HashMap<>();
        for (String id : foreignIds) {
            String random = UUID.randomUUID().toString();
            foreign.put(id, caller.victim().get(id));
            unknown.put(id, random);
            placeholders.put(caller.victim().get(id), "{" + id + "}");
            placeholders.put(random, "{" + id + "}");
        }
        Operation reference = unknownAccepted().containsKey(operation.name())
                ? operation(unknownAccepted().get(operation.name()))
                : operation;
        ComparableAnswer answer = ComparableAnswer.of(send(operation, caller.token(), foreign, Map.of()), placeholders);
        ComparableAnswer expected =
                ComparableAnswer.of(send(reference, caller.token(), unknown, Map.of()), placeholders);

        assertThat(answer)
                .as("the answer to another tenant's id, compared with an unknown id's")
                .isEqualTo(expected);
        if (caller.access() == Access.OWN) {
            assertThat(answer.status()).as("status").isEqualTo(404);
        } else {
            assertThat(answer.status())
                    .as("status (a role that may not call this)")
                    .isIn(403, 404);
        }
        assertThat(answer.mediaType()).isEqualTo("application/problem+json");
    }

    private void checkQuery(Operation operation, Caller caller, String id) {
        String random = UUID.randomUUID().toString();
        Map<String, String> placeholders = Map.of(caller.victim().get(id), "{" + id + "}", random, "{" + id + "}");
        ComparableAnswer answer = ComparableAnswer.of(
                send(
                        operation,
                        caller.token(),
                        ids(own()),
                        Map.of(id, caller.victim().get(id))),
                placeholders);
        ComparableAnswer expected =
                ComparableAnswer.of(send(operation, caller.token(), ids(own()), Map.of(id, random)), placeholders);
        assertThat(answer)
                .as("the answer to another tenant's id in the query, compared with an unknown id's")
                .isEqualTo(expected);
    }

    private io.restassured.response.Response send(
            Operation operation, String token, Map<String, String> ids, Map<String, String> query) {
        String path = operation.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(path)
                .as("a value for every path parameter of " + operation.name())
                .doesNotContain("{");
        RequestSpecification request = given().auth().oauth2(token).queryParams(query);
        for (String parameter : operation.queryParameters()) {
            if (fixedQuery().containsKey(parameter)) {
                request = request.queryParam(parameter, fixedQuery().get(parameter));
            }
        }
        if (operation.hasBody()) {
            request = request.contentType(ContentType.JSON).body(bodies.get(operation.name()));
        }
        if (operation.ifMatch()) {
            request = request.header("If-Match", "\"0\"");
        }
        return request.when().request(operation.method(), path).then().extract().response();
    }

    /**
     * Clinic B's staff in each role the matrix lets in, about clinic A's patient; and clinic B's patient about clinic
     * A's patient and about another patient of their own clinic.
     */
    private List<Caller> callers(Operation operation) {
        AuthorizationMatrix.Row row = matrix.rows().stream()
                .filter(r -> r.operation().equals(operation.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no matrix row for " + operation.name()));
        List<Caller> callers = new ArrayList<>();
        for (String role : List.of("practitioner", "clinic-admin")) {
            if (row.access(role) == Access.OWN) {
                UUID clinic = clinicId(own());
                String token =
                        role.equals("practitioner") ? TestTokens.practitioner(clinic) : TestTokens.clinicAdmin(clinic);
                callers.add(new Caller(role, token, Access.OWN, "another clinic", idsOf(otherClinic)));
            }
        }
        String patient = patientToken(own());
        Access access = row.access("patient");
        callers.add(new Caller("patient", patient, access, "another clinic", idsOf(otherClinic)));
        callers.add(new Caller("patient", patient, access, "another patient", idsOf(otherPatient)));
        return callers;
    }

    private static Operation operation(String name) {
        return operations().stream()
                .filter(operation -> operation.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations() {
        JsonPath spec = ServedOpenApi.document();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, value) -> {
            if (!ServedOpenApi.OPERATION_METHODS.contains(method) || path.startsWith("/fhir/")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            List<Map<String, Object>> parameters =
                    (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
            List<String> pathIds = new ArrayList<>();
            List<String> otherPathParameters = new ArrayList<>();
            List<String> queryParameters = new ArrayList<>();
            boolean ifMatch = false;
            for (Map<String, Object> parameter : parameters) {
                String name = (String) parameter.get("name");
                Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
                boolean uuid =
                        String.valueOf(schema.get("$ref")).endsWith("/UUID") || "uuid".equals(schema.get("format"));
                switch ((String) parameter.get("in")) {
                    case "path" -> (uuid ? pathIds : otherPathParameters).add(name);
                    case "query" -> queryParameters.add(name);
                    case "header" -> ifMatch |= name.equalsIgnoreCase("If-Match");
                    default -> {}
                }
            }
            operations.add(new Operation(
                    method.toUpperCase(),
                    path,
                    pathIds,
                    otherPathParameters,
                    queryParameters,
                    operation.containsKey("requestBody"),
                    ifMatch));
        }));
        return operations;
    }

    private synchronized void ensureTenants() {
        if (ownPatient == null) {
            ownPatient = newClinicPatient();
            otherPatient = anotherPatientOf(own());
            otherClinic = newClinicPatient();
            bodies = bodies(own());
        }
    }
}
