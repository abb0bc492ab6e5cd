package org.meridian.platform.test.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.meridian.platform.test.openapi.ServedOpenApi;
import org.meridian.platform.test.security.AuthorizationMatrix.Access;
import org.meridian.platform.test.security.AuthorizationMatrix.Row;

/**
 * Every operation of the OpenAPI document x every role x own/other clinic (and own/other patient), asserted against
 * the table in the service's src/test/resources/authorization-matrix.txt.
 */
public abstract class AbstractAuthorizationMatrixTest {

    /** One clinic's objects, created once through the service, by the names of the path parameters. */
    public record Tenant(UUID clinicId, Map<String, String> ids) {}

    private static Tenant own;
    private static Tenant other;
    private static String ownSecondPatient;

    private final AuthorizationMatrix matrix = AuthorizationMatrix.load(getClass(), "/authorization-matrix.txt");
    private final String patientParameter;

    /** @param patientParameter the path parameter that names a patient: patientId, pseudonymId */
    protected AbstractAuthorizationMatrixTest(String patientParameter) {
        this.patientParameter = patientParameter;
    }

    /** A new clinic with an object for every path parameter of the table (the patient's under patientParameter). */
    protected abstract Tenant newTenant();

    /** Another patient of the tenant's clinic: the value of patientParameter that names them. */
    protected abstract String anotherPatientOf(Tenant tenant);

    /** A patient-only token of the clinic, for the patient that {@code patient} names. */
    protected abstract String patientToken(UUID clinicId, String patient);

    @Test
    void everyOperationHasARowAndEveryRowAnOperation() {
        assertThat(new TreeSet<>(matrix.operations())).isEqualTo(new TreeSet<>(documentedOperations()));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsWhatTheTableSays() {
        ensureTenants();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : matrix.rows()) {
            tests.add(DynamicTest.dynamicTest(
                    row.operation() + " without a token -> 401",
                    () -> assertThat(call(row, null, own)).isEqualTo(401)));
            for (String role : AuthorizationMatrix.ROLES) {
                Access access = row.access(role);
                tests.add(DynamicTest.dynamicTest(
                        row.operation() + " as " + role + " (" + access + ")", () -> check(row, role, access)));
            }
        }
        return tests.stream();
    }

    private void check(Row row, String role, Access access) {
        String token = tokenFor(role);
        int onOwn = call(row, token, own);
        if (row.path().startsWith("/internal/")) {
            // Internal endpoints answer only to a service token (audience meridian-intake, role event-feed-reader): a
            // user's valid token, whatever its role, lacks both and is refused as such.
            assertThat(onOwn).as("a user token on an internal endpoint").isEqualTo(403);
            return;
        }
        switch (access) {
            case DENIED -> assertThat(onOwn).as("refused").isIn(403, 404);
            case ANY -> {
                assertThat(onOwn).as("allowed").isNotIn(401, 403, 404);
                if (row.path().contains("{clinicId}")) {
                    assertThat(call(row, token, other))
                            .as("allowed on another clinic")
                            .isNotIn(401, 403, 404);
                }
            }
            case OWN -> {
                assertThat(onOwn).as("allowed on own clinic").isNotIn(401, 403, 404);
                if (row.path().contains("{clinicId}")) {
                    assertThat(call(row, token, other))
                            .as("another clinic's object")
                            .isEqualTo(404);
                }
                if (role.equals("patient") && row.path().contains("{" + patientParameter + "}")) {
                    Map<String, String> ids = new HashMap<>(own.ids());
                    ids.put(patientParameter, ownSecondPatient);
                    assertThat(call(row, token, new Tenant(own.clinicId(), ids)))
                            .as("another patient's record")
                            .isEqualTo(404);
                }
            }
        }
    }

    private static int call(Row row, String token, Tenant tenant) {
        String path = row.path().replace("{clinicId}", tenant.clinicId().toString());
        for (Map.Entry<String, String> id : tenant.ids().entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(path)
                .as("a fixture for every path parameter of " + row.operation())
                .doesNotContain("{");
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (row.method().equals("POST") || row.method().equals("PUT")) {
            request = request.body("{}");
        }
        return request.when().request(row.method(), path).then().extract().statusCode();
    }

    private String tokenFor(String role) {
        return switch (role) {
            case "patient" -> patientToken(own.clinicId(), own.ids().get(patientParameter));
            case "practitioner" -> TestTokens.practitioner(own.clinicId());
            case "clinic-admin" -> TestTokens.clinicAdmin(own.clinicId());
            case "researcher" -> TestTokens.researcher();
            case "research-export" -> TestTokens.researchExport();
            default -> TestTokens.admin();
        };
    }

    private static List<String> documentedOperations() {
        JsonPath spec = ServedOpenApi.document();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        List<String> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(method -> ServedOpenApi.OPERATION_METHODS.contains(method))
                .filter(method -> !path.startsWith("/fhir/"))
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    private synchronized void ensureTenants() {
        if (own == null) {
            own = newTenant();
            other = newTenant();
            ownSecondPatient = anotherPatientOf(own);
        }
    }
}
