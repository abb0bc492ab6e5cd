package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.meridian.platform.test.openapi.OpenApiSchemas.acceptsNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.openapi.ServedOpenApi;
import org.meridian.platform.test.security.TestTokens;

/** The published OpenAPI document describes instruments, submissions, scores, trajectories and errors with examples. */
@QuarkusTest
class OutcomesOpenApiTest {

    private static final String ASSESSMENTS =
            "'/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/assessments'";

    @Test
    void documentsSubmissionsWithEveryErrorAsProblemJsonWithExamples() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/outcomes/instruments/{code}/versions/{version}"))
                .body("paths", hasKey("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/trajectory"))
                .body(
                        "paths",
                        hasKey(
                                "/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/episodes/{episodeId}/progress"))
                .body("paths", hasKey("/api/v1/outcomes/clinics/{clinicId}/patients/{pseudonymId}/schedule"))
                .body("paths." + ASSESSMENTS + ".post.responses", hasKey("201"))
                .body("paths." + ASSESSMENTS + ".post.responses", hasKey("200"))
                .body("paths." + ASSESSMENTS + ".post.responses.'400'.content", hasKey("application/problem+json"))
                .body("paths." + ASSESSMENTS + ".post.responses.'401'.content", hasKey("application/problem+json"))
                .body("paths." + ASSESSMENTS + ".post.responses.'404'.content", hasKey("application/problem+json"))
                .body("paths." + ASSESSMENTS + ".post.responses.'409'.content", hasKey("application/problem+json"))
                .body(
                        "paths." + ASSESSMENTS
                                + ".post.responses.'422'.content.'application/problem+json'.examples.unscoreable.value",
                        notNullValue())
                .body(
                        "paths." + ASSESSMENTS + ".post.parameters.name",
                        org.hamcrest.Matchers.hasItem("Idempotency-Key"))
                .body("components.schemas.AssessmentSubmission.examples", notNullValue())
                .body("components.schemas.Assessment.examples", notNullValue())
                .body("components.schemas.Trajectory.examples", notNullValue())
                .body("components.schemas.Progress.examples", notNullValue())
                .body("components.schemas.Instrument.properties", hasKey("licenceNotice"));
    }

    @Test
    void describesIdempotencyInTheSubmitOperation() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths." + ASSESSMENTS + ".post.description", containsString("Idempotency-Key"));
    }

    /** Found by the contract tests (scripts/contract-test.sh): answers carried null where the document allowed a value. */
    @Test
    void declaresTheFieldsThatCanBeNullAsNullable() {
        JsonPath spec = ServedOpenApi.document();
        for (String property : List.of(
                "Assessment.properties.score",
                "Assessment.properties.episodeId",
                "CellResponse.properties.baseline",
                "MeanResponse.properties.ciLower",
                "MeasureProgress.properties.baseline",
                "Schedule.properties.episodeId",
                "AuditEvent.properties.clinicId")) {
            assertThat(acceptsNull(spec, "components.schemas." + property))
                    .as(property)
                    .isTrue();
        }
        assertThat(spec.getMap("components.schemas.Assessment.properties.answers.additionalProperties"))
                .isEqualTo(Map.of("$ref", "#/components/schemas/AnswerCode"));
        assertThat(acceptsNull(spec, "components.schemas.AnswerCode")).isTrue();
        assertThat(acceptsNull(spec, "components.schemas.Assessment.properties.instrumentCode"))
                .isFalse();
    }

    /**
     * #17 item 3: an assessment's details are one typed schema per instrument, told apart by instrumentCode, so that
     * openapi-generator and @hey-api/openapi-ts make a class per result instead of a free-form map.
     */
    @Test
    void typesAssessmentDetailsAsOneSchemaPerInstrumentWithADiscriminatorOnTheInstrumentCode() {
        JsonPath spec = ServedOpenApi.document();
        String result = "components.schemas.AssessmentResult";
        assertThat(acceptsNull(spec, "components.schemas.Assessment.properties.details"))
                .isTrue();
        assertThat(spec.getList("components.schemas.Assessment.properties.details.anyOf.$ref"))
                .contains("#/components/schemas/AssessmentResult");
        assertThat(spec.getString(result + ".discriminator.propertyName")).isEqualTo("instrumentCode");

        List<String> instrumentCodes = given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/api/v1/outcomes/instruments")
                .then()
                .statusCode(200)
                .extract()
                .path("items.code");
        Map<String, String> mapping = spec.getMap(result + ".discriminator.mapping");
        assertThat(mapping.keySet()).containsExactlyInAnyOrderElementsOf(Set.copyOf(instrumentCodes));
        assertThat(Set.copyOf(mapping.values()))
                .as(
                        "one schema per instrument: a schema shared by two codes is narrowed to one by TypeScript generators")
                .hasSize(mapping.size());
        List<String> oneOf = spec.getList(result + ".oneOf.$ref");
        assertThat(oneOf).containsExactlyInAnyOrderElementsOf(Set.copyOf(mapping.values()));

        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            String schema = "components.schemas." + entry.getValue().substring("#/components/schemas/".length());
            assertThat(spec.getList(schema + ".properties.instrumentCode.enum"))
                    .as(schema)
                    .contains(entry.getKey());
            assertThat(spec.getList(schema + ".required")).as(schema).contains("instrumentCode");
            assertThat(spec.getMap(schema + ".properties"))
                    .as(schema + ": one name per idea (category, total, subscales)")
                    .doesNotContainKeys(
                            "band", "risk", "severity", "group", "rawSum", "rawScore", "yesCount", "itemSum");
        }
        for (String schema : List.of("OdiResult", "StartBackResult", "PromisPainInterferenceResult", "IssResult")) {
            assertThat(spec.getList("components.schemas." + schema + ".properties.category.enum"))
                    .as(schema)
                    .isNotEmpty();
            assertThat(spec.getString("components.schemas." + schema + ".properties.total.type"))
                    .as(schema)
                    .isEqualTo("integer");
        }
        assertThat(spec.getString("components.schemas.StartBackResult.properties.subscales.$ref"))
                .isEqualTo("#/components/schemas/StartBackSubscales");
        assertThat(spec.getString("components.schemas.IssResult.properties.subscales.$ref"))
                .isEqualTo("#/components/schemas/IssSubscales");
    }

    /** Found by Specmatic: it sent null for optional request fields and expected a 400, while the service reads null as absent. */
    @Test
    void declaresOptionalRequestFieldsNullable() {
        JsonPath spec = ServedOpenApi.document();
        assertThat(acceptsNull(spec, "components.schemas.AssessmentSubmission.properties.instrumentVersion"))
                .isTrue();
        assertThat(acceptsNull(spec, "components.schemas.DraftCompletion.properties.answeredAt"))
                .isTrue();
        assertThat(spec.getString("components.schemas.DraftCompletion.properties.answeredAt.description"))
                .isNotBlank();
        assertThat(acceptsNull(spec, "components.schemas.AssessmentSubmission.properties.instrumentCode"))
                .isFalse();
        assertThat(acceptsNull(spec, "components.schemas.AssessmentSubmission.properties.answeredAt"))
                .isFalse();
    }
}
