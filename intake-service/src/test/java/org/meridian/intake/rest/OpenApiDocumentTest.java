package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.meridian.platform.test.openapi.OpenApiSchemas.acceptsNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class OpenApiDocumentTest {

    private static JsonPath spec() {
        return given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void documentsEveryResource() {
        Map<String, Object> paths = spec().getMap("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/intake/clinics/{clinicId}/practitioners/{practitionerId}",
                        "/api/v1/intake/clinics/{clinicId}/patients",
                        "/api/v1/intake/clinics/{clinicId}/patients/{patientId}/consents/{consentId}/withdrawal",
                        "/api/v1/intake/clinics/{clinicId}/patients/{patientId}/intake-assessments/{assessmentId}/red-flag-acknowledgement",
                        "/api/v1/intake/clinics/{clinicId}/patients/{patientId}/episodes/{episodeId}/transitions",
                        "/api/v1/intake/clinics/{clinicId}/episodes/{episodeId}/sessions/{sessionId}/cancellation",
                        "/api/v1/intake/clinics/{clinicId}/episodes/{episodeId}/sessions/{sessionId}/adverse-events",
                        "/api/v1/intake/acupoints",
                        "/internal/v1/intake/events");
    }

    @Test
    void documentsErrorResponsesAsProblemsWithExamples() {
        JsonPath spec = spec();
        String sessions = "paths.'/api/v1/intake/clinics/{clinicId}/episodes/{episodeId}/sessions'.post.responses";
        assertThat(spec.getMap(sessions)).containsKeys("201", "400", "404", "409", "422", "500");
        assertThat(spec.getMap(sessions + ".'409'.content.'application/problem+json'.examples"))
                .containsKeys("refer-before-needling", "treatment-consent-required", "invalid-state");
        String patientUpdate = "paths.'/api/v1/intake/clinics/{clinicId}/patients/{patientId}'.put.responses";
        assertThat(spec.getMap(patientUpdate)).containsKeys("200", "400", "404", "409", "412", "422", "428");
    }

    @Test
    void documentsEnumsAndExamplesOfTheSchemas() {
        JsonPath spec = spec();
        assertThat(spec.getList("components.schemas.NeedleSide.enum"))
                .isEqualTo(List.of("LEFT", "RIGHT", "BILATERAL", "MIDLINE"));
        assertThat(spec.getList("components.schemas.PainSite.enum")).contains("SCIATICA_BILATERAL");
        assertThat(spec.getString("components.schemas.NeedledPoint.properties.code.examples[0]"))
                .isEqualTo("BL23");
    }

    /** Found by the contract tests (scripts/contract-test.sh): the feed answered 401 where the document promised none. */
    @Test
    void documentsNotBlankAsTheServiceChecksIt() {
        JsonPath spec = spec();
        String documentVersion = "components.schemas.ConsentRequest.properties.documentVersion";
        assertThat(spec.getString(documentVersion + ".pattern")).isNull();
        assertThat(spec.getInt(documentVersion + ".minLength")).isEqualTo(1);
        assertThat(spec.getString(documentVersion + ".description"))
                .endsWith("not blank: at least one character above U+0020");
        assertThat(
                        spec.getString(
                                "paths.'/api/v1/intake/clinics/{clinicId}/patients'.get.parameters.find { it.name == 'name' }.schema.pattern"))
                .isEqualTo("^$|^[\\s\\S]{2,100}$");
    }

    @Test
    void documentsTheServiceTokenOfTheInternalFeed() {
        JsonPath spec = spec();
        String feed = "paths.'/internal/v1/intake/events'.get";
        assertThat(spec.getMap(feed + ".responses")).containsKeys("200", "400", "401", "403");
        assertThat(spec.getList(feed + ".security"))
                .containsExactly(Map.of("serviceToken", List.of("event-feed-reader")));
        assertThat(spec.getMap("components.securitySchemes.serviceToken"))
                .containsEntry("type", "http")
                .containsEntry("scheme", "bearer")
                .containsEntry("bearerFormat", "JWT");
        assertThat(spec.getString("components.securitySchemes.serviceToken.description"))
                .contains("meridian-intake", "event-feed-reader", "client credentials");
        assertThat(spec.getString("tags.find { it.name == 'Internal: event feed' }.description"))
                .contains("meridian-intake", "event-feed-reader");
        String link = "paths.'/internal/v1/intake/clinics/{clinicId}/patients/{patientId}/link'.get";
        assertThat(spec.getList(link + ".security"))
                .containsExactly(Map.of("serviceToken", List.of("event-feed-reader")));
        String pseudonym = "paths.'/internal/v1/intake/clinics/{clinicId}/pseudonyms/{pseudonymId}'.get";
        assertThat(spec.getList(pseudonym + ".security"))
                .containsExactly(Map.of("serviceToken", List.of("event-feed-reader")));
        for (String operation : List.of(feed, link, pseudonym)) {
            for (String status : List.of("401", "403")) {
                assertThat(spec.getMap(operation + ".responses.'" + status + "'.content"))
                        .as(operation + " " + status)
                        .containsKey("application/problem+json");
            }
        }
        assertThat(spec.getList("paths.'/api/v1/intake/acupoints'.get.security.bearer"))
                .isNotEmpty();
        assertThat(spec.getList("paths.'/api/v1/intake/acupoints'.get.security.serviceToken"))
                .containsOnlyNulls();
    }

    /** Found by the contract tests: responses carried null where the document allowed only a value. */
    @Test
    void declaresTheFieldsThatCanBeNullAsNullable() {
        JsonPath spec = spec();
        for (String property : List.of(
                "Clinic.properties.contactEmail",
                "Consent.properties.withdrawnAt",
                "Episode.properties.closedReason",
                "Session.properties.cancelledAt",
                "AdverseEvent.properties.actionTaken",
                "IntakeAssessment.properties.redFlagAcknowledgement",
                "AuditEvent.properties.clinicId")) {
            assertThat(acceptsNull(spec, "components.schemas." + property))
                    .as(property)
                    .isTrue();
        }
        assertThat(acceptsNull(spec, "components.schemas.Clinic.properties.name"))
                .isFalse();
    }

    /** Found by Specmatic: it sent null for optional request fields and expected a 400, while the service reads null as absent. */
    @Test
    void declaresOptionalRequestFieldsNullable() {
        JsonPath spec = spec();
        assertThat(acceptsNull(spec, "components.schemas.SessionRequest.properties.notes"))
                .isTrue();
        assertThat(acceptsNull(spec, "components.schemas.ConsentRequest.properties.givenAt"))
                .isTrue();
        assertThat(spec.getString("components.schemas.ConsentRequest.properties.givenAt.description"))
                .isNotBlank();
        assertThat(acceptsNull(spec, "components.schemas.NeedleType.properties.manufacturer"))
                .isTrue();
        assertThat(acceptsNull(spec, "components.schemas.SessionRequest.properties.needleCount"))
                .isFalse();
        assertThat(acceptsNull(spec, "components.schemas.SessionRequest.properties.style"))
                .isFalse();
    }

    /** Found by the contract tests: page numbers beyond what the service can serve were accepted by the document. */
    @Test
    void boundsIntegerParametersAndDeclaresEmailAddresses() {
        JsonPath spec = spec();
        List<Map<String, Object>> parameters =
                spec.getList("paths.'/api/v1/intake/clinics/{clinicId}/patients'.get.parameters");
        Map<String, Object> page = parameters.stream()
                .filter(parameter -> "page".equals(parameter.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(((Map<?, ?>) page.get("schema")).get("maximum")).isEqualTo(1_000_000);
        assertThat(spec.getInt("components.schemas.Session.properties.sessionNumber.maximum"))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(spec.getString("components.schemas.PatientRequest.properties.email.format"))
                .isEqualTo("email");
        assertThat(spec.getString("components.schemas.CreateClinicRequest.properties.contactEmail.format"))
                .isEqualTo("email");
    }
}
