package org.meridian.platform.test.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The CapabilityStatement claims exactly what the service serves: every declared interaction and search parameter
 * works, and nothing unsupported (update, delete, history, version-aware update) is claimed, not even by a flag.
 */
public abstract class AbstractCapabilityStatementTest {

    private static final Set<String> SERVED_INTERACTIONS = Set.of("read", "search-type", "create");
    /** Where the gateway's tests keep this statement, to merge and validate it as the gateway serves it. */
    private final Path gatewayFixture;

    /** @param service the service's name: its statement is the gateway's fixture {@code <service>-capability-statement.json} */
    protected AbstractCapabilityStatementTest(String service) {
        gatewayFixture = Path.of("../gateway/src/test/resources/fhir/" + service + "-capability-statement.json");
    }

    /** A token that may read and search every resource type of any clinic. */
    protected abstract String staffToken();

    /** Searches ("Type?parameter") that must be among those checked. */
    protected abstract List<String> expectedSearches();

    /**
     * The query of a search by the named parameter with a well-formed value of its type: date and reference
     * parameters a service names in its own way override this.
     */
    protected Map<String, String> search(String name, String type) {
        return Map.of(name, "date".equals(type) ? "ge2020-01-01" : "x");
    }

    private static JsonPath statement() {
        return given().accept("application/fhir+json")
                .when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void claimsNoUpdateDeleteHistoryOrVersionAwareUpdate() {
        List<Map<String, Object>> resources = statement().getList("rest[0].resource");
        assertThat(resources).isNotEmpty();
        for (Map<String, Object> resource : resources) {
            String type = (String) resource.get("type");
            @SuppressWarnings("unchecked")
            List<String> interactions = ((List<Map<String, String>>) resource.get("interaction"))
                    .stream().map(interaction -> interaction.get("code")).toList();
            assertThat(SERVED_INTERACTIONS).as(type).containsAll(interactions);
            assertThat(resource.get("versioning")).as(type).isIn("no-version", "versioned");
            assertThat(resource)
                    .as(type)
                    .containsEntry("readHistory", false)
                    .containsEntry("updateCreate", false)
                    .containsEntry("conditionalUpdate", false)
                    .containsEntry("conditionalDelete", "not-supported")
                    .containsEntry("conditionalRead", "not-supported")
                    .containsEntry("conditionalCreate", interactions.contains("create"));
        }
    }

    @Test
    void everyDeclaredReadSearchAndSearchParameterIsServed() {
        String staff = staffToken();
        JsonPath statement = statement();
        List<String> types = statement.getList("rest[0].resource.type");
        List<String> checked = new ArrayList<>();
        for (int index = 0; index < types.size(); index++) {
            String type = types.get(index);
            List<String> interactions = statement.getList("rest[0].resource[" + index + "].interaction.code");
            if (interactions.contains("read")) {
                Response read = given().auth()
                        .oauth2(staff)
                        .accept("application/fhir+json")
                        .when()
                        .get("/fhir/r4/" + type + "/" + UUID.randomUUID());
                assertThat(read.getStatusCode())
                        .as("read %s: %s", type, read.asString())
                        .isEqualTo(404);
                assertThat(read.jsonPath().getString("resourceType")).isEqualTo("OperationOutcome");
            }
            if (interactions.contains("search-type")) {
                List<Map<String, String>> parameters = statement.getList("rest[0].resource[" + index + "].searchParam");
                for (Map<String, String> parameter : parameters) {
                    String name = parameter.get("name");
                    Response search = given().auth()
                            .oauth2(staff)
                            .accept("application/fhir+json")
                            .queryParams(search(name, parameter.get("type")))
                            .when()
                            .get("/fhir/r4/" + type);
                    assertThat(search.getStatusCode())
                            .as("%s?%s: %s", type, name, search.asString())
                            .isEqualTo(200);
                    assertThat(search.jsonPath().getString("type")).isEqualTo("searchset");
                    checked.add(type + "?" + name);
                }
            }
        }
        assertThat(checked).containsAll(expectedSearches());
    }

    @Test
    void isTheStatementTheGatewayMergesInItsTests() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode served = (ObjectNode) json.readTree(given().accept("application/fhir+json")
                .when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        ObjectNode fixture = (ObjectNode) json.readTree(gatewayFixture.toFile());
        served.remove("date");
        fixture.remove("date");
        assertThat((JsonNode) fixture)
                .as(
                        "%s must hold what /fhir/r4/metadata serves (apart from its date):"
                                + " copy the served statement there when it changes",
                        gatewayFixture)
                .isEqualTo(served);
    }
}
