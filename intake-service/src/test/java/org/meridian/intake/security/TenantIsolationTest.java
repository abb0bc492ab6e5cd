package org.meridian.intake.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.meridian.intake.Fixtures;
import org.meridian.intake.TenantFixture;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.intake.security.AuthorizationMatrix.Access;

/**
 * Tenancy by object for every operation of the OpenAPI document that names a clinic's object: called by another
 * clinic's staff, or by another patient, with that object's id, it answers exactly as for an id nobody has (the same
 * 404 problem document, so nothing tells "foreign" from "unknown"). An identifying query value (?mrn=) of another
 * tenant gets the same answer as an unknown one. An operation naming an id this test has no fixture for, or a write
 * whose body it cannot send, fails it, so that a new endpoint cannot be forgotten. FHIR is covered by
 * FhirTenantIsolationTest.
 */
@QuarkusTest
class TenantIsolationTest {

    private static final String CLINIC = "/api/v1/intake/clinics/{clinicId}";
    private static final String PATIENT = CLINIC + "/patients/{patientId}";
    private static final String SESSIONS = CLINIC + "/episodes/{episodeId}/sessions";
    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.load("/authorization-matrix.txt");

    /** Path parameters that name catalogue entries any caller may read, not a tenant's objects. */
    private static final Set<String> CATALOGUE_KEYS = Set.of("code");

    /**
     * A valid body for each write, so that the request gets past validation to the lookup of its objects;
     * {practitionerId} is the caller's clinic's practitioner.
     */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST " + SESSIONS, Fixtures.sessionBody("{practitionerId}", Fixtures.hoursAgo(1))),
            Map.entry("POST " + SESSIONS + "/{sessionId}/adverse-events",
                    "{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false}"),
            Map.entry("POST " + SESSIONS + "/{sessionId}/cancellation",
                    "{\"reason\": \"RECORDED_IN_ERROR\", \"note\": \"Entered for the wrong patient\"}"),
            Map.entry("PUT " + PATIENT, """
                    {"givenName": "Alice", "familyName": "Nguyen", "dateOfBirth": "1972-04-18", "sex": "FEMALE",
                     "identifiers": [{"type": "MRN", "system": "https://ehr.example/mrn", "value": "MRN-%s"}]}"""
                    .formatted(UUID.randomUUID())),
            Map.entry("POST " + PATIENT + "/consents", "{\"kind\": \"RESEARCH\", \"documentVersion\": \"2026-03\"}"),
            Map.entry("POST " + PATIENT + "/consents/{consentId}/withdrawal",
                    "{\"reason\": \"No longer wishes to take part\"}"),
            Map.entry("POST " + PATIENT + "/episodes", Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC))),
            Map.entry("PUT " + PATIENT + "/episodes/{episodeId}", Fixtures.episodeBody(LocalDate.now(ZoneOffset.UTC))),
            Map.entry("POST " + PATIENT + "/episodes/{episodeId}/transitions",
                    "{\"status\": \"DISCONTINUED\", \"reason\": \"PATIENT_CHOICE\", \"note\": \"Moved away\"}"),
            Map.entry("POST " + PATIENT + "/intake-assessments", Fixtures.assessmentBody("{practitionerId}", false)),
            Map.entry("POST " + PATIENT + "/intake-assessments/{assessmentId}/red-flag-acknowledgement",
                    "{\"practitionerId\": \"{practitionerId}\", \"note\": \"Cleared by the GP\"}"),
            Map.entry("POST " + CLINIC + "/patients", """
                    {"givenName": "Alice", "familyName": "Nguyen", "dateOfBirth": "1972-04-18", "sex": "FEMALE",
                     "identifiers": [{"type": "MRN", "system": "https://ehr.example/mrn", "value": "MRN-%s"}]}"""
                    .formatted(UUID.randomUUID())),
            Map.entry("POST " + CLINIC + "/practitioners", """
                    {"givenName": "Mei", "familyName": "Lin", "licenceNumber": "LIC-%s", "profession": "ACUPUNCTURIST"}"""
                    .formatted(UUID.randomUUID())),
            Map.entry("PUT " + CLINIC + "/practitioners/{practitionerId}", """
                    {"givenName": "Mei", "familyName": "Lin", "licenceNumber": "LIC-%s", "profession": "ACUPUNCTURIST"}"""
                    .formatted(UUID.randomUUID())));

    /** Query parameters that name no tenant's object (one naming one has the fixture's name for it: mrn, name). */
    private static final Set<String> OTHER_QUERY_PARAMETERS = Set.of("page", "size");

    /** Query parameters whose default would make two answers differ, fixed for both calls: none here. */
    private static final Map<String, String> FIXED_QUERY = Map.of();

    /** Operations that accept an id nobody has by design, and the operation whose answer a foreign id gets: none. */
    private static final Map<String, String> UNKNOWN_ACCEPTED = Map.of();

    private record Operation(String method, String path, List<String> pathIds, List<String> otherPathParameters,
            List<String> queryParameters, boolean hasBody, boolean ifMatch) {
        String name() {
            return method + " " + path;
        }

        /** The query parameters that name a tenant's object. */
        List<String> queryIds() {
            return queryParameters.stream().filter(ownPatient.ids()::containsKey).toList();
        }
    }

    /** Who calls (always about clinic B's patient's paths), with which token and access, using whose ids. */
    private record Caller(String role, String token, Access access, String victimName, Map<String, String> victim) {
    }

    /** Clinic B's patient (the callers' own), clinic A's patient, and a second patient of clinic B. */
    private static TenantFixture ownPatient;
    private static TenantFixture otherClinic;
    private static TenantFixture otherPatient;

    @Test
    void everyIdAnOperationNamesHasAFixtureAndEveryWriteABody() {
        ensureTenants();
        Set<String> fixtureIds = ownPatient.ids().keySet();
        List<String> names = operations().stream().map(Operation::name).toList();
        for (Operation operation : operations()) {
            assertThat(operation.otherPathParameters()).as("path parameters of " + operation.name()
                    + " that are neither an object's id (UUID) nor a catalogue key").isSubsetOf(CATALOGUE_KEYS);
            assertThat(operation.pathIds()).as("ids in the path of " + operation.name()).isSubsetOf(fixtureIds);
            if (!operation.pathIds().isEmpty()) {
                assertThat(operation.path()).as("an object's path names its clinic").contains("{clinicId}");
            }
            if (operation.path().contains("{clinicId}")) {
                for (String parameter : operation.queryParameters()) {
                    assertThat(fixtureIds.contains(parameter) || OTHER_QUERY_PARAMETERS.contains(parameter)
                            || FIXED_QUERY.containsKey(parameter))
                            .as("query parameter " + parameter + " of " + operation.name() + " placed as an id or not")
                            .isTrue();
                }
                if (operation.hasBody()) {
                    assertThat(BODIES).as("a valid body for " + operation.name()).containsKey(operation.name());
                }
            }
        }
        assertThat(names).as("operations that accept unknown ids, and their references")
                .containsAll(UNKNOWN_ACCEPTED.keySet()).containsAll(UNKNOWN_ACCEPTED.values());
    }

    @TestFactory
    Stream<DynamicTest> anotherTenantsIdIsAnsweredLikeAnUnknownOne() {
        ensureTenants();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations()) {
            if (!operation.path().contains("{clinicId}")) {
                continue;
            }
            for (Caller caller : callers(operation)) {
                // The ids in which the victim's objects differ from the caller's own (a neighbour shares the clinic).
                List<String> ids = operation.pathIds().stream()
                        .filter(id -> !caller.victim().get(id).equals(ownPatient.ids().get(id))).toList();
                for (String id : ids) {
                    tests.add(DynamicTest.dynamicTest(operation.name() + " as " + caller.role() + " with "
                            + caller.victimName() + "'s " + id, () -> checkPath(operation, caller, List.of(id))));
                }
                if (ids.size() > 1) {
                    tests.add(DynamicTest.dynamicTest(operation.name() + " as " + caller.role() + " with every id "
                            + caller.victimName() + "'s", () -> checkPath(operation, caller, ids)));
                }
                for (String id : operation.queryIds()) {
                    tests.add(DynamicTest.dynamicTest(operation.name() + "?" + id + "= as " + caller.role() + " with "
                            + caller.victimName() + "'s", () -> checkQuery(operation, caller, id)));
                }
            }
        }
        assertThat(tests).as("operations naming a clinic's objects").isNotEmpty();
        return tests.stream();
    }

    private void checkPath(Operation operation, Caller caller, List<String> foreignIds) {
        Map<String, String> foreign = new HashMap<>(ownPatient.ids());
        Map<String, String> unknown = new HashMap<>(ownPatient.ids());
        Map<String, String> placeholders = new HashMap<>();
        for (String id : foreignIds) {
            String random = UUID.randomUUID().toString();
            foreign.put(id, caller.victim().get(id));
            unknown.put(id, random);
            placeholders.put(caller.victim().get(id), "{" + id + "}");
            placeholders.put(random, "{" + id + "}");
        }
        Operation reference = UNKNOWN_ACCEPTED.containsKey(operation.name())
                ? operation(UNKNOWN_ACCEPTED.get(operation.name())) : operation;
        ComparableAnswer answer = ComparableAnswer.of(send(operation, caller.token(), foreign, Map.of()), placeholders);
        ComparableAnswer expected = ComparableAnswer.of(send(reference, caller.token(), unknown, Map.of()), placeholders);

        assertThat(answer).as("the answer to another tenant's id, compared with an unknown id's").isEqualTo(expected);
        if (caller.access() == Access.OWN) {
            assertThat(answer.status()).as("status").isEqualTo(404);
        } else {
            assertThat(answer.status()).as("status (a role that may not call this)").isIn(403, 404);
        }
        assertThat(answer.mediaType()).isEqualTo("application/problem+json");
    }

    private void checkQuery(Operation operation, Caller caller, String id) {
        String random = UUID.randomUUID().toString();
        Map<String, String> placeholders = Map.of(caller.victim().get(id), "{" + id + "}", random, "{" + id + "}");
        ComparableAnswer answer = ComparableAnswer.of(send(operation, caller.token(), ownPatient.ids(),
                Map.of(id, caller.victim().get(id))), placeholders);
        ComparableAnswer expected = ComparableAnswer.of(send(operation, caller.token(), ownPatient.ids(),
                Map.of(id, random)), placeholders);
        assertThat(answer).as("the answer to another tenant's id in the query, compared with an unknown id's")
                .isEqualTo(expected);
    }

    private static io.restassured.response.Response send(Operation operation, String token, Map<String, String> ids,
            Map<String, String> query) {
        String path = operation.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(path).as("a value for every path parameter of " + operation.name()).doesNotContain("{");
        RequestSpecification request = given().auth().oauth2(token).queryParams(query);
        for (String parameter : operation.queryParameters()) {
            if (FIXED_QUERY.containsKey(parameter)) {
                request = request.queryParam(parameter, FIXED_QUERY.get(parameter));
            }
        }
        if (operation.hasBody()) {
            request = request.contentType(ContentType.JSON).body(BODIES.get(operation.name())
                    .replace("{practitionerId}", ownPatient.practitionerId()));
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
    private static List<Caller> callers(Operation operation) {
        AuthorizationMatrix.Row row = MATRIX.rows().stream().filter(r -> r.operation().equals(operation.name()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no matrix row for " + operation.name()));
        List<Caller> callers = new ArrayList<>();
        for (String role : List.of(Roles.PRACTITIONER, Roles.CLINIC_ADMIN)) {
            if (row.access(role) == Access.OWN) {
                UUID clinic = UUID.fromString(ownPatient.clinicId());
                String token = role.equals(Roles.PRACTITIONER) ? TestTokens.practitioner(clinic)
                        : TestTokens.clinicAdmin(clinic);
                callers.add(new Caller(role, token, Access.OWN, "another clinic", otherClinic.ids()));
            }
        }
        String patient = TestTokens.patient(UUID.fromString(ownPatient.clinicId()),
                UUID.fromString(ownPatient.patientId()));
        Access access = row.access(Roles.PATIENT);
        callers.add(new Caller(Roles.PATIENT, patient, access, "another clinic", otherClinic.ids()));
        callers.add(new Caller(Roles.PATIENT, patient, access, "another patient", otherPatient.ids()));
        return callers;
    }

    private static Operation operation(String name) {
        return operations().stream().filter(operation -> operation.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> operations() {
        JsonPath spec = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, value) -> {
            if (!List.of("get", "post", "put", "patch", "delete").contains(method) || path.startsWith("/fhir/")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                    List.of());
            List<String> pathIds = new ArrayList<>();
            List<String> otherPathParameters = new ArrayList<>();
            List<String> queryParameters = new ArrayList<>();
            boolean ifMatch = false;
            for (Map<String, Object> parameter : parameters) {
                String name = (String) parameter.get("name");
                Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
                boolean uuid = String.valueOf(schema.get("$ref")).endsWith("/UUID") || "uuid".equals(schema.get("format"));
                switch ((String) parameter.get("in")) {
                    case "path" -> (uuid ? pathIds : otherPathParameters).add(name);
                    case "query" -> queryParameters.add(name);
                    case "header" -> ifMatch |= name.equalsIgnoreCase("If-Match");
                    default -> { }
                }
            }
            operations.add(new Operation(method.toUpperCase(), path, pathIds, otherPathParameters,
                    queryParameters, operation.containsKey("requestBody"), ifMatch));
        }));
        return operations;
    }

    private static synchronized void ensureTenants() {
        if (ownPatient == null) {
            ownPatient = TenantFixture.create();
            otherPatient = TenantFixture.create(ownPatient.clinicId(), ownPatient.practitionerId());
            otherClinic = TenantFixture.create();
        }
    }
}
