package org.meridian.intake.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.intake.security.AuthorizationMatrix.Access;
import org.meridian.intake.security.AuthorizationMatrix.Row;

/**
 * Every operation of the OpenAPI document x every role x own/other clinic (and own/other patient), asserted against
 * the table in src/test/resources/authorization-matrix.txt.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.load("/authorization-matrix.txt");
    private static final List<String> ROLES = List.of(Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN,
            Roles.RESEARCHER, Roles.ADMIN, Roles.RESEARCH_EXPORT);

    /** One clinic's objects, created once through the API. */
    private record Tenant(String clinicId, Map<String, String> ids) {
    }

    private static Tenant own;
    private static Tenant other;
    private static String ownSecondPatientId;

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() {
        assertThat(new TreeSet<>(MATRIX.operations())).isEqualTo(new TreeSet<>(documentedOperations()));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsWhatTheTableSays() {
        ensureTenants();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : MATRIX.rows()) {
            tests.add(DynamicTest.dynamicTest(row.operation() + " without a token -> 401", () ->
                    assertThat(call(row, null, own)).isEqualTo(401)));
            for (String role : ROLES) {
                Access access = row.access(role);
                tests.add(DynamicTest.dynamicTest(row.operation() + " as " + role + " (" + access + ")",
                        () -> check(row, role, access)));
            }
        }
        return tests.stream();
    }

    private void check(Row row, String role, Access access) {
        String token = tokenFor(role);
        int onOwn = call(row, token, own);
        if (row.path().startsWith("/internal/")) {
            assertThat(onOwn).as("a user token on an internal endpoint").isEqualTo(401);
            return;
        }
        switch (access) {
            case DENIED -> assertThat(onOwn).as("refused").isIn(403, 404);
            case ANY -> {
                assertThat(onOwn).as("allowed").isNotIn(401, 403, 404);
                if (row.path().contains("{clinicId}")) {
                    assertThat(call(row, token, other)).as("allowed on another clinic").isNotIn(401, 403, 404);
                }
            }
            case OWN -> {
                assertThat(onOwn).as("allowed on own clinic").isNotIn(401, 403, 404);
                if (row.path().contains("{clinicId}")) {
                    assertThat(call(row, token, other)).as("another clinic's object").isEqualTo(404);
                }
                if (role.equals(Roles.PATIENT) && row.path().contains("{patientId}")) {
                    Tenant otherPatient = new Tenant(own.clinicId(), withPatient(own.ids(), ownSecondPatientId));
                    assertThat(call(row, token, otherPatient)).as("another patient's record").isEqualTo(404);
                }
            }
        }
    }

    private static int call(Row row, String token, Tenant tenant) {
        String path = row.path();
        path = path.replace("{clinicId}", tenant.clinicId());
        for (Map.Entry<String, String> id : tenant.ids().entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(path).as("a fixture for every path parameter of " + row.operation()).doesNotContain("{");
        var request = given().contentType(ContentType.JSON);
        request = token == null ? request.header("X-No-Auth", "true") : request.auth().oauth2(token);
        if (row.method().equals("POST") || row.method().equals("PUT")) {
            request = request.body("{}");
        }
        if (path.startsWith("/internal/")) {
            request = request.header("X-Service-Token", "");
        }
        return request.when().request(row.method(), path).then().extract().statusCode();
    }

    private String tokenFor(String role) {
        UUID clinic = UUID.fromString(own.clinicId());
        return switch (role) {
            case Roles.PATIENT -> TestTokens.patient(clinic, UUID.fromString(own.ids().get("patientId")));
            case Roles.PRACTITIONER -> TestTokens.practitioner(clinic);
            case Roles.CLINIC_ADMIN -> TestTokens.clinicAdmin(clinic);
            case Roles.RESEARCHER -> TestTokens.researcher();
            case Roles.RESEARCH_EXPORT -> TestTokens.researchExport();
            default -> TestTokens.admin();
        };
    }

    private static List<String> documentedOperations() {
        JsonPath spec = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(method -> List.of("get", "post", "put", "patch", "delete").contains(method))
                .filter(method -> !path.startsWith("/fhir/"))
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    private static synchronized void ensureTenants() {
        if (own == null) {
            own = tenant();
            other = tenant();
            ownSecondPatientId = Fixtures.patient(own.clinicId());
        }
    }

    private static Tenant tenant() {
        CareSetup care = Fixtures.careSetup();
        String consentId = Fixtures.consent(care.clinicId(), care.patientId(), "RESEARCH");
        String assessmentId = Fixtures.assessment(care.clinicId(), care.patientId(), care.practitionerId(), false);
        String sessionId = Fixtures.session(care);
        String adverseEventId = given().contentType(ContentType.JSON)
                .body("{\"type\": \"BRUISING\", \"severity\": \"MILD\", \"serious\": false, \"description\": \"Small bruise at BL23\"}")
                .when().post(Fixtures.sessionsPath(care.clinicId(), care.episodeId()) + "/" + sessionId + "/adverse-events")
                .then().statusCode(201).extract().path("id");
        return new Tenant(care.clinicId(), Map.of(
                "patientId", care.patientId(), "practitionerId", care.practitionerId(), "episodeId", care.episodeId(),
                "sessionId", sessionId, "consentId", consentId, "assessmentId", assessmentId,
                "adverseEventId", adverseEventId, "code", "BL23"));
    }

    private static Map<String, String> withPatient(Map<String, String> ids, String patientId) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(ids);
        copy.put("patientId", patientId);
        return copy;
    }
}
