package org.meridian.platform.test.edge;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meridian.platform.test.openapi.ServedOpenApi;
import org.meridian.platform.test.security.TestTokens;

/**
 * Every operation the service documents, with its path parameters filled in: those of its OpenAPI document, and the
 * FHIR interactions its CapabilityStatement lists (the FHIR endpoints are not in the OpenAPI document).
 */
public record DocumentedOperations(List<Operation> all) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    public record Operation(String method, String template, boolean hasBody) {

        public String name() {
            return method + " " + template;
        }

        public boolean isFhir() {
            return template.startsWith("/fhir/");
        }

        /** The path with {clinicId} as the given clinic and every other parameter a new random UUID. */
        public String path(String clinicId, List<String> idsUsed) {
            Matcher parameters = PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameters.find()) {
                String value = parameters.group(1).equals("clinicId")
                        ? clinicId
                        : UUID.randomUUID().toString();
                idsUsed.add(value);
                parameters.appendReplacement(path, value);
            }
            return parameters.appendTail(path).toString();
        }

        /**
         * A token the operation's role rules let through to reading the body: the clinic's staff, a researcher on the
         * research paths, outcomes-service's service token on the internal paths, else an admin.
         */
        public String token(String clinicId) {
            if (template.startsWith("/internal/")) {
                return TestTokens.service();
            }
            if (template.contains("{clinicId}") || isFhir()) {
                return TestTokens.staff(UUID.fromString(clinicId));
            }
            return template.contains("/research/") ? TestTokens.researcher() : TestTokens.admin();
        }
    }

    public static DocumentedOperations load() {
        JsonPath spec = ServedOpenApi.document();
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (ServedOpenApi.OPERATION_METHODS.contains(method)) {
                operations.add(new Operation(method.toUpperCase(), path, operation.containsKey("requestBody")));
            }
        }));
        JsonPath capabilities = given().when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> resources = capabilities.getList("rest[0].resource");
        for (Map<String, Object> resource : resources) {
            String type = "/fhir/r4/" + resource.get("type");
            @SuppressWarnings("unchecked")
            List<Map<String, String>> interactions = (List<Map<String, String>>) resource.get("interaction");
            for (Map<String, String> interaction : interactions) {
                switch (interaction.get("code")) {
                    case "read" -> operations.add(new Operation("GET", type + "/{id}", false));
                    case "search-type" -> operations.add(new Operation("GET", type, false));
                    case "create" -> operations.add(new Operation("POST", type, true));
                    case "update" -> operations.add(new Operation("PUT", type + "/{id}", true));
                    default ->
                        throw new IllegalStateException("no call for FHIR interaction " + interaction + " of " + type);
                }
            }
        }
        return new DocumentedOperations(operations);
    }

    public List<Operation> withBody() {
        return all.stream()
                .filter(Operation::hasBody)
                .filter(operation -> !operation.template().startsWith("/internal/"))
                .toList();
    }
}
