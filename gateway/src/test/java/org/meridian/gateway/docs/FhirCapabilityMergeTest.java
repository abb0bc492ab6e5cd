package org.meridian.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.fhir.FhirInstanceValidation;

/**
 * The merged CapabilityStatement, made of the services' statements as they serve them (the fixtures are checked
 * against each service's /fhir/r4/metadata by that service's CapabilityStatementTest).
 */
class FhirCapabilityMergeTest {

    private static final String BASE = "https://fhir.clinic.example/fhir/r4";
    private static final JsonObject OUTCOMES = fixture("outcomes");
    private static final JsonObject INTAKE = fixture("intake");

    private static JsonObject fixture(String service) {
        try (InputStream stream =
                FhirCapabilityMergeTest.class.getResourceAsStream("/fhir/" + service + "-capability-statement.json")) {
            return new JsonObject(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonObject> resources(JsonObject statement) {
        return statement.getJsonArray("rest").getJsonObject(0).getJsonArray("resource").stream()
                .map(JsonObject.class::cast)
                .toList();
    }

    @Test
    void listsTheResourcesOfEveryServiceOnce() {
        JsonObject merged = FhirCapabilityRoute.merge(List.of(OUTCOMES, INTAKE, INTAKE), BASE);
        assertThat(resources(merged).stream().map(resource -> resource.getString("type")))
                .containsExactly(
                        "Questionnaire",
                        "QuestionnaireResponse",
                        "Observation",
                        "Patient",
                        "Procedure",
                        "Condition",
                        "AdverseEvent");
        // Each resource exactly as the service that implements it declares it.
        assertThat(resources(merged).get(3)).isEqualTo(resources(INTAKE).getFirst());
        assertThat(merged.getString("fhirVersion")).isEqualTo("4.0.1");
        assertThat(merged.getJsonArray("format")).containsExactly("application/fhir+json", "json");
    }

    @Test
    void describesTheWholeServerNotOneService() {
        JsonObject merged = FhirCapabilityRoute.merge(List.of(OUTCOMES, INTAKE), BASE);
        assertThat(merged.getString("id")).isEqualTo("meridian");
        assertThat(merged.getString("url")).isEqualTo("https://meridian.example/fhir/CapabilityStatement/meridian");
        assertThat(merged.getString("name")).isEqualTo("Meridian");
        assertThat(merged.getString("title")).isEqualTo("Meridian FHIR R4 API");
        assertThat(merged.getJsonObject("implementation").getString("url")).isEqualTo(BASE);
        assertThat(merged.getString("description"))
                .contains("QuestionnaireResponse")
                .contains("AdverseEvent");
        assertThat(merged.getJsonArray("rest")
                        .getJsonObject(0)
                        .getJsonObject("security")
                        .getString("description"))
                .contains("Questionnaires")
                .contains("Only practitioners and clinic admins create Patients");
        assertThat(
                        merged
                                .getJsonArray("rest")
                                .getJsonObject(0)
                                .getJsonObject("security")
                                .getJsonArray("service")
                                .stream()
                                .map(service -> ((JsonObject) service)
                                        .getJsonArray("coding")
                                        .getJsonObject(0)
                                        .getString("code")))
                .containsExactly("OAuth", "SMART-on-FHIR");
        assertThat(merged.encode())
                .doesNotContain(
                        "outcomes-service FHIR",
                        "intake-service FHIR",
                        "CapabilityStatement/outcomes",
                        "CapabilityStatement/intake");
    }

    @Test
    void claimsNoUpdateDeleteHistoryOrVersionAwareUpdate() {
        JsonObject merged = FhirCapabilityRoute.merge(List.of(OUTCOMES, INTAKE), BASE);
        assertThat(merged.encode()).doesNotContain("versioned-update");
        for (JsonObject resource : resources(merged)) {
            assertThat(resource.getJsonArray("interaction").stream().map(i -> ((JsonObject) i).getString("code")))
                    .as(resource.getString("type"))
                    .isSubsetOf("read", "search-type", "create");
            assertThat(resource.getBoolean("updateCreate")).isFalse();
            assertThat(resource.getBoolean("conditionalUpdate")).isFalse();
            assertThat(resource.getBoolean("readHistory")).isFalse();
            assertThat(resource.getString("conditionalDelete")).isEqualTo("not-supported");
        }
    }

    @Test
    void keepsTheNewestDate() {
        JsonObject older = INTAKE.copy().put("date", "2026-11-30T09:00:00+01:00");
        JsonObject newer = OUTCOMES.copy().put("date", "2026-12-01T10:00:00Z");
        assertThat(FhirCapabilityRoute.merge(List.of(older, newer), BASE).getString("date"))
                .isEqualTo("2026-12-01T10:00:00Z");
    }

    @Test
    void theMergedStatementIsValidFhirR4() {
        String merged =
                FhirCapabilityRoute.merge(List.of(OUTCOMES, INTAKE), BASE).encodePrettily();
        List<SingleValidationMessage> errors =
                FhirInstanceValidation.r4().build().validate(merged).errors();
        assertThat(errors)
                .extracting(message -> message.getLocationString() + ": " + message.getMessage())
                .isEmpty();
    }
}
