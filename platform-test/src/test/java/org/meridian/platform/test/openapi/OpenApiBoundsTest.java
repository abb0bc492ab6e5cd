package org.meridian.platform.test.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bounds rule the services' OpenApiBoundsTest applies catches each way to break it, wherever the schema is. */
class OpenApiBoundsTest {

    private static Map<String, Object> schemas(Map<String, Object> schemas) {
        return Map.of("components", Map.of("schemas", schemas));
    }

    @Test
    void acceptsBoundedStringsIntegersAndArrays() {
        Object document = schemas(Map.of(
                "Name", Map.of("type", "string", "maxLength", 100),
                "Kind", Map.of("type", List.of("string", "null"), "enum", List.of("A", "B")),
                "Fixed", Map.of("type", "string", "const", "true"),
                "Count", Map.of("type", "integer", "format", "int32", "minimum", 0, "maximum", 100),
                "Names",
                        Map.of("type", "array", "maxItems", 10, "items", Map.of("$ref", "#/components/schemas/Name"))));
        assertThat(OpenApiBounds.problems(document, Set.of())).isEmpty();
    }

    @Test
    void reportsEachMissingBoundWithItsPointer() {
        Object document = schemas(Map.of(
                "Clinic",
                Map.of(
                        "type",
                        "object",
                        "properties",
                        Map.of(
                                "name", Map.of("type", List.of("string", "null")),
                                "version", Map.of("type", "integer", "minimum", 0),
                                "tags", Map.of("type", "array")))));
        assertThat(OpenApiBounds.problems(document, Set.of()))
                .containsExactlyInAnyOrder(
                        "/components/schemas/Clinic/properties/name: a string without maxLength, enum or const",
                        "/components/schemas/Clinic/properties/version: an integer without maximum",
                        "/components/schemas/Clinic/properties/version: an integer without format (int32 or int64)",
                        "/components/schemas/Clinic/properties/tags: an array without maxItems");
    }

    @Test
    void looksIntoParametersAndHeadersToo() {
        Object document = Map.of(
                "paths",
                Map.of(
                        "/api/v1/things/{id}",
                        Map.of(
                                "get",
                                Map.of(
                                        "parameters",
                                        List.of(Map.of("name", "q", "schema", Map.of("type", "string"))),
                                        "responses",
                                        Map.of(
                                                "200",
                                                Map.of(
                                                        "headers",
                                                        Map.of(
                                                                "X-Count",
                                                                Map.of("schema", Map.of("type", "integer")))))))));
        assertThat(OpenApiBounds.problems(document, Set.of()))
                .contains(
                        "/paths/~1api~1v1~1things~1{id}/get/parameters/0/schema: a string without maxLength, enum or"
                                + " const",
                        "/paths/~1api~1v1~1things~1{id}/get/responses/200/headers/X-Count/schema: an integer without"
                                + " minimum");
    }

    @Test
    void reportsABoundThatLeavesNoRoom() {
        Object document = schemas(Map.of(
                "Code", Map.of("type", "string", "minLength", 5, "maxLength", 2),
                "Count", Map.of("type", "integer", "format", "int32", "minimum", 10, "maximum", 1)));
        assertThat(OpenApiBounds.problems(document, Set.of()))
                .containsExactlyInAnyOrder(
                        "/components/schemas/Code: minLength is above maxLength",
                        "/components/schemas/Count: minimum is above maximum");
    }

    @Test
    void leavesOutTheAcceptedExceptions() {
        Object document = schemas(Map.of("Feed", Map.of("type", "array")));
        assertThat(OpenApiBounds.problems(document, Set.of("/components/schemas/Feed")))
                .isEmpty();
    }
}
