package org.meridian.platform.test.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.openapi.ServedOpenApi;
import org.meridian.platform.test.security.TestTokens;

/**
 * U+0000 in any path parameter of any operation, or in any FHIR search parameter, is a 400 naming the parameter,
 * never a 500 (PostgreSQL cannot store or compare text holding it). The operations come from the OpenAPI document and, for the FHIR endpoints that
 * it leaves out, from the CapabilityStatement, so an endpoint added later is covered without editing this test.
 */
public abstract class AbstractNulInPathParametersTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String NUL = "%00";

    /** Every role, a clinic and a patient: the request reaches the resource whatever the operation allows. */
    private final String token;

    /** @param patientClaim the claim that names a patient to the service: patient_id, pseudonym_id */
    protected AbstractNulInPathParametersTest(String patientClaim) {
        token = TestTokens.claims("admin")
                .groups(Set.of("admin", "researcher", "practitioner", "clinic-admin", "patient"))
                .claim("clinic_id", UUID.randomUUID().toString())
                .claim(patientClaim, UUID.randomUUID().toString())
                .sign();
    }

    /** Operations (as "METHOD /template (parameter)") that must be among those checked. */
    protected abstract List<String> expectedChecks();

    /** How many operation parameters there are at least. */
    protected abstract int minimumChecks();

    /** FHIR resource types that must be readable. */
    protected abstract List<String> expectedReadableTypes();

    @Test
    void everyDocumentedOperationRefusesNulInEachPathParameter() {
        JsonPath spec = ServedOpenApi.document();
        Map<String, Map<String, Object>> paths = spec.getMap("paths");
        List<String> checked = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        paths.forEach((template, operations) -> {
            List<String> parameters = parameters(template);
            for (String method : operations.keySet()) {
                if (!ServedOpenApi.OPERATION_METHODS.contains(method)) {
                    continue;
                }
                if (!parameters.isEmpty()
                        && spec.getMap("paths.'" + template + "'." + method + ".responses.'400'") == null) {
                    undocumented.add(method.toUpperCase() + " " + template);
                }
                for (String parameter : parameters) {
                    String path = withNulIn(template, parameters, parameter);
                    Response response = send(method, path);
                    checked.add(method.toUpperCase() + " " + template + " (" + parameter + ")");
                    String field = response.getStatusCode() == 400
                                    && response.getContentType().startsWith("application/problem+json")
                            ? response.jsonPath().getString("errors[0].field")
                            : null;
                    if (!parameter.equals(field)) {
                        failures.add(method.toUpperCase() + " " + path + " -> " + response.getStatusCode() + " "
                                + response.asString());
                    }
                }
            }
        });
        assertThat(checked)
                .as("operations with path parameters in the OpenAPI document")
                .containsAll(expectedChecks())
                .hasSizeGreaterThan(minimumChecks());
        assertThat(failures)
                .as("answers other than 400 problem+json naming the parameter")
                .isEmpty();
        assertThat(undocumented)
                .as("operations whose OpenAPI document does not list that 400")
                .isEmpty();
    }

    @Test
    void everyFhirReadRefusesNulInTheId() {
        List<String> readable = given().accept("application/fhir+json")
                .when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rest[0].resource.findAll { it.interaction.code.contains('read') }.type");
        assertThat(readable).containsAll(expectedReadableTypes());
        for (String type : readable) {
            Response response = given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(token)
                    .accept("application/fhir+json")
                    .when()
                    .get("/fhir/r4/" + type + "/" + NUL);
            assertThat(response.getStatusCode())
                    .as("GET /fhir/r4/%s/%%00: %s", type, response.asString())
                    .isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/fhir+json");
            assertThat(response.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
            assertThat(response.jsonPath().getString("issue[0].code")).isEqualTo("invalid");
            assertThat(response.jsonPath().getString("issue[0].diagnostics")).contains("id");
        }
    }

    @Test
    void everyFhirSearchParameterRefusesNul() {
        JsonPath statement = given().accept("application/fhir+json")
                .when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> types = statement.getList("rest[0].resource.type");
        List<String> checked = new ArrayList<>();
        for (int index = 0; index < types.size(); index++) {
            for (String parameter :
                    statement.getList("rest[0].resource[" + index + "].searchParam.name", String.class)) {
                Response response = given().urlEncodingEnabled(false)
                        .auth()
                        .oauth2(token)
                        .accept("application/fhir+json")
                        .when()
                        .get("/fhir/r4/" + types.get(index) + "?" + parameter + "=a" + NUL);
                checked.add(types.get(index) + "?" + parameter);
                assertThat(response.getStatusCode())
                        .as("%s?%s=a%%00: %s", types.get(index), parameter, response.asString())
                        .isEqualTo(400);
                assertThat(response.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
                assertThat(response.jsonPath().getString("issue[0].diagnostics"))
                        .contains(parameter);
            }
        }
        assertThat(checked).hasSizeGreaterThan(5);
    }

    private Response send(String method, String path) {
        RequestSpecification request = given().urlEncodingEnabled(false)
                .auth()
                .oauth2(path.startsWith("/internal/") ? TestTokens.service() : token)
                .header("If-Match", "\"0\"")
                .accept("application/json");
        if (!method.equals("get") && !method.equals("delete")) {
            request.contentType("application/json").body("{}");
        }
        return request.when().request(method.toUpperCase(), path);
    }

    private static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The path with U+0000 (percent-encoded) as {@code target} and a well-formed id for every other parameter. */
    private static String withNulIn(String template, List<String> parameters, String target) {
        String path = template;
        for (String parameter : parameters) {
            path = path.replace(
                    "{" + parameter + "}",
                    parameter.equals(target) ? NUL : UUID.randomUUID().toString());
        }
        return path;
    }
}
