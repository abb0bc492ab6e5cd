package org.meridian.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class FhirCapabilityMergeTest {

    private static JsonObject statement(String... types) {
        JsonArray resources = new JsonArray();
        for (String type : types) {
            resources.add(new JsonObject().put("type", type));
        }
        return new JsonObject().put("resourceType", "CapabilityStatement").put("fhirVersion", "4.0.1")
                .put("rest", new JsonArray().add(new JsonObject().put("mode", "server").put("resource", resources)));
    }

    @Test
    void listsTheResourcesOfEveryService() {
        JsonObject merged = FhirCapabilityRoute.merge(List.of(
                statement("Questionnaire", "QuestionnaireResponse", "Observation"),
                statement("Patient", "Procedure", "Condition", "AdverseEvent")));
        assertThat(merged.getJsonArray("rest").getJsonObject(0).getJsonArray("resource").stream()
                .map(resource -> ((JsonObject) resource).getString("type")).toList())
                .containsExactly("Questionnaire", "QuestionnaireResponse", "Observation", "Patient", "Procedure",
                        "Condition", "AdverseEvent");
        assertThat(merged.getString("fhirVersion")).isEqualTo("4.0.1");
    }
}
