package org.meridian.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.openapi.OperationIds;
import org.meridian.platform.test.openapi.PublishedOperationIds;

class OpenApiMergerTest {

    private static JsonObject spec(String path, String schemaName, JsonObject schema) {
        return new JsonObject()
                .put(
                        "paths",
                        new JsonObject()
                                .put(
                                        path,
                                        new JsonObject()
                                                .put(
                                                        "get",
                                                        new JsonObject()
                                                                .put(
                                                                        "responses",
                                                                        new JsonObject()
                                                                                .put(
                                                                                        "200",
                                                                                        new JsonObject()
                                                                                                .put(
                                                                                                        "content",
                                                                                                        new JsonObject()
                                                                                                                .put(
                                                                                                                        "application/json",
                                                                                                                        new JsonObject()
                                                                                                                                .put(
                                                                                                                                        "schema",
                                                                                                                                        new JsonObject()
                                                                                                                                                .put(
                                                                                                                                                        "$ref",
                                                                                                                                                        "#/components/schemas/"
                                                                                                                                                                + schemaName)))))))))
                .put("components", new JsonObject().put("schemas", new JsonObject().put(schemaName, schema)));
    }

    @Test
    void leavesOutTheInternalPathsWithTheTagsAndSchemasOnlyTheyUse() {
        JsonObject intake = spec("/api/v1/intake/clinics", "Clinic", new JsonObject().put("type", "object"));
        JsonObject internal = spec(
                "/internal/v1/intake/events",
                "EventPage",
                new JsonObject()
                        .put("type", "object")
                        .put(
                                "properties",
                                new JsonObject()
                                        .put("events", new JsonObject().put("$ref", "#/components/schemas/Event"))));
        intake.getJsonObject("paths").mergeIn(internal.getJsonObject("paths"));
        intake.getJsonObject("components")
                .getJsonObject("schemas")
                .mergeIn(internal.getJsonObject("components").getJsonObject("schemas"));
        intake.getJsonObject("components")
                .getJsonObject("schemas")
                .put("Event", new JsonObject().put("type", "object"));
        intake.getJsonObject("paths")
                .getJsonObject("/api/v1/intake/clinics")
                .getJsonObject("get")
                .put("tags", new io.vertx.core.json.JsonArray().add("Clinics"));
        intake.getJsonObject("paths")
                .getJsonObject("/internal/v1/intake/events")
                .getJsonObject("get")
                .put("tags", new io.vertx.core.json.JsonArray().add("Internal: event feed"));
        intake.put(
                "tags",
                new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("name", "Clinics"))
                        .add(new JsonObject().put("name", "Internal: event feed")));

        JsonObject merged = OpenApiMerger.merge(Map.of("intake", intake), "1.0.0");

        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactly("/api/v1/intake/clinics");
        assertThat(merged.getJsonArray("tags").stream().map(tag -> ((JsonObject) tag).getString("name")))
                .containsExactly("Clinics");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .containsExactly("Clinic");
    }

    /** Found running the stack: the services' schemas hold JSON nulls ("default": null), which the pruning choked on. */
    @Test
    void keepsTheSchemasOfDocumentsHoldingJsonNulls() {
        JsonObject schema = new JsonObject()
                .put("type", "object")
                .put("default", (Object) null)
                .put("examples", new io.vertx.core.json.JsonArray().add((Object) null));
        JsonObject merged =
                OpenApiMerger.merge(Map.of("intake", spec("/api/v1/intake/clinics", "Clinic", schema)), "1.0.0");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .containsExactly("Clinic");
    }

    @Test
    void combinesThePathsOfEveryService() {
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        specs.put("intake", spec("/api/v1/intake/clinics", "Clinic", new JsonObject().put("type", "object")));
        specs.put(
                "outcomes", spec("/api/v1/outcomes/instruments", "Instrument", new JsonObject().put("type", "object")));
        JsonObject merged = OpenApiMerger.merge(specs, "1.0.0");
        assertThat(merged.getJsonObject("paths").fieldNames())
                .containsExactlyInAnyOrder("/api/v1/intake/clinics", "/api/v1/outcomes/instruments");
        assertThat(merged.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .getJsonObject("bearer")
                        .getString("scheme"))
                .isEqualTo("bearer");
    }

    @Test
    void keepsOneCopyOfAnIdenticalSchema() {
        JsonObject problem = new JsonObject().put("type", "object").put("title", "Problem");
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        specs.put("intake", spec("/a", "Problem", problem));
        specs.put("outcomes", spec("/b", "Problem", problem.copy()));
        JsonObject merged = OpenApiMerger.merge(specs, "1.0.0");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .containsExactly("Problem");
    }

    @Test
    void renamesADifferentSchemaWithTheSameNameAndRewritesItsReferences() {
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        specs.put(
                "intake",
                spec("/a", "Page", new JsonObject().put("type", "object").put("title", "intake page")));
        specs.put(
                "outcomes",
                spec("/b", "Page", new JsonObject().put("type", "object").put("title", "outcomes page")));
        JsonObject merged = OpenApiMerger.merge(specs, "1.0.0");
        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .containsExactlyInAnyOrder("Page", "OutcomesPage");
        String ref = merged.getJsonObject("paths")
                .getJsonObject("/b")
                .getJsonObject("get")
                .getJsonObject("responses")
                .getJsonObject("200")
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema")
                .getString("$ref");
        assertThat(ref).isEqualTo("#/components/schemas/OutcomesPage");
    }

    /**
     * outcomes' assessment details are a oneOf with a discriminator whose mapping names the schemas as plain strings:
     * a renamed schema must be renamed there too, or SDK generators map the code to the other service's schema.
     */
    @Test
    void rewritesTheDiscriminatorMappingOfARenamedSchema() {
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        specs.put(
                "intake",
                spec("/a", "Result", new JsonObject().put("type", "object").put("title", "intake")));
        JsonObject outcomes = spec(
                "/b",
                "Union",
                new JsonObject()
                        .put("oneOf", new JsonArray().add(new JsonObject().put("$ref", "#/components/schemas/Result")))
                        .put(
                                "discriminator",
                                new JsonObject()
                                        .put("propertyName", "kind")
                                        .put("mapping", new JsonObject().put("ODI", "#/components/schemas/Result"))));
        outcomes.getJsonObject("components")
                .getJsonObject("schemas")
                .put("Result", new JsonObject().put("type", "object").put("title", "outcomes"));
        specs.put("outcomes", outcomes);

        JsonObject schemas =
                OpenApiMerger.merge(specs, "1.0.0").getJsonObject("components").getJsonObject("schemas");

        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Result", "Union", "OutcomesResult");
        JsonObject union = schemas.getJsonObject("Union");
        assertThat(union.getJsonArray("oneOf").getJsonObject(0).getString("$ref"))
                .isEqualTo("#/components/schemas/OutcomesResult");
        assertThat(union.getJsonObject("discriminator").getJsonObject("mapping").getString("ODI"))
                .isEqualTo("#/components/schemas/OutcomesResult");
    }

    /** A document with the given operations ("METHOD path" -> operationId), each answering 200. */
    private static JsonObject specWithOperations(Map<String, String> operationIds) {
        JsonObject paths = new JsonObject();
        operationIds.forEach((operation, id) -> {
            String[] methodAndPath = operation.split(" ", 2);
            JsonObject item = paths.getJsonObject(methodAndPath[1]);
            if (item == null) {
                item = new JsonObject();
                paths.put(methodAndPath[1], item);
            }
            item.put(
                    methodAndPath[0].toLowerCase(),
                    new JsonObject()
                            .put("operationId", id)
                            .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK"))));
        });
        return new JsonObject().put("openapi", "3.1.0").put("paths", paths);
    }

    @Test
    void keepsEveryServicesOperationIdsAndTheyAreUniqueInTheMergedDocument() {
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        PublishedOperationIds.BY_SERVICE.forEach((service, ids) -> specs.put(service, specWithOperations(ids)));
        JsonObject merged = OpenApiMerger.merge(specs, "1.0.0");
        Map<String, String> ids = OperationIds.of(JsonPath.from(merged.encode()).getMap("paths"));
        Map<String, String> published = new LinkedHashMap<>(PublishedOperationIds.all());
        published.keySet().removeIf(operation -> operation.contains(" /internal/")); // not in the public document
        assertThat(ids).containsExactlyInAnyOrderEntriesOf(published);
        assertThat(OperationIds.problems(ids)).isEmpty();
    }

    @Test
    void refusesToMergeTwoOperationsWithOneOperationId() {
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        specs.put("intake", specWithOperations(Map.of("GET /api/v1/intake/audit-events", "listAuditEvents")));
        specs.put("outcomes", specWithOperations(Map.of("GET /api/v1/outcomes/audit-events", "listAuditEvents")));
        assertThatThrownBy(() -> OpenApiMerger.merge(specs, "1.0.0"))
                .isInstanceOf(OpenApiMerger.DuplicateOperationIdException.class)
                .hasMessageContaining("listAuditEvents")
                .hasMessageContaining("intake: GET /api/v1/intake/audit-events")
                .hasMessageContaining("outcomes: GET /api/v1/outcomes/audit-events");
    }

    @Test
    void refusesTwoOperationsWithOneOperationIdInOneService() {
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        specs.put(
                "intake",
                specWithOperations(Map.of(
                        "GET /api/v1/intake/clinics",
                        "getClinic",
                        "GET /api/v1/intake/clinics/{clinicId}",
                        "getClinic")));
        assertThatThrownBy(() -> OpenApiMerger.merge(specs, "1.0.0"))
                .isInstanceOf(OpenApiMerger.DuplicateOperationIdException.class)
                .hasMessageContaining("getClinic");
    }

    @Test
    void mergesOperationsWithoutAnOperationIdAsTheyAre() {
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        specs.put("intake", spec("/a", "A", new JsonObject().put("type", "object")));
        specs.put("outcomes", spec("/b", "B", new JsonObject().put("type", "object")));
        JsonObject merged = OpenApiMerger.merge(specs, "1.0.0");
        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactlyInAnyOrder("/a", "/b");
    }

    @Test
    void declaresWhatTheGatewayAddsToEveryAnswerTheRateLimitFieldsAndThe429() {
        JsonObject merged = OpenApiMerger.merge(
                Map.of(
                        "intake-service",
                        spec("/api/v1/intake/clinics", "Clinic", new JsonObject().put("type", "object"))),
                "1.0.0");

        JsonPath document = JsonPath.from(merged.encode());
        String answers = "paths.'/api/v1/intake/clinics'.get.responses";
        assertThat(document.getString(answers + ".429.$ref")).isEqualTo("#/components/responses/RateLimited");
        assertThat(document.getMap(answers + ".200.headers"))
                .containsOnlyKeys(
                        "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Access-Control-Allow-Origin");
        assertThat(document.getMap("components.responses.RateLimited.headers")).containsKey("Retry-After");
        assertThat(document.getBoolean("components.headers.Retry-After.required"))
                .isTrue();
        assertThat(document.getInt("components.headers.RateLimit-Reset.schema.maximum"))
                .isEqualTo(60);
        assertThat(document.getString("info.license.identifier")).isEqualTo("Apache-2.0");
        assertThat(document.getString("components.securitySchemes.bearer.description"))
                .contains("RFC8725");
    }

    /** Found by Redocly's lint of the merged document: both services tag operations "Patients". */
    @Test
    void keepsOneTagANameJoiningTheServicesDescriptions() {
        JsonObject intake = spec("/api/v1/intake/patients", "Patient", new JsonObject().put("type", "object"));
        JsonObject outcomes = spec("/api/v1/outcomes/patients", "Known", new JsonObject().put("type", "object"));
        for (JsonObject service : List.of(intake, outcomes)) {
            service.getJsonObject("paths")
                    .forEach(path -> ((JsonObject) path.getValue())
                            .getJsonObject("get")
                            .put("tags", new io.vertx.core.json.JsonArray().add("Patients")));
        }
        intake.put(
                "tags",
                new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("name", "Patients").put("description", "Registered patients")));
        outcomes.put(
                "tags",
                new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("name", "Patients").put("description", "Known to outcomes")));
        Map<String, JsonObject> specs = new LinkedHashMap<>();
        specs.put("intake", intake);
        specs.put("outcomes", outcomes);

        JsonPath document = JsonPath.from(OpenApiMerger.merge(specs, "1.0.0").encode());

        assertThat(document.getList("tags.name")).containsExactly("Patients");
        assertThat(document.getString("tags[0].description")).isEqualTo("Registered patients; Known to outcomes");
    }
}
