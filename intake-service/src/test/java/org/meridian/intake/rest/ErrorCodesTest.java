package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.meridian.intake.Fixtures;
import org.meridian.intake.Fixtures.CareSetup;
import org.meridian.platform.test.openapi.ServedOpenApi;
import org.meridian.platform.test.security.TestTokens;
import org.meridian.platform.web.problem.ErrorCode;

/** Every error entry names a machine-readable code next to its field (docs/conventions.md#error-codes). */
@QuarkusTest
class ErrorCodesTest {

    private static final String CLINICS = "/api/v1/intake/clinics";

    @Test
    void beanValidationFailuresCarryTheConstraintsCode() {
        postClinic("""
                        {"name": "", "registrationNumber": "%s", "contactEmail": "not-an-address",
                         "contactPhone": "call me", "timeZone": "Mars/Olympus_Mons"}
                        """.formatted("R".repeat(65)))
                .statusCode(400)
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body(
                        "errors.field",
                        contains("contactEmail", "contactPhone", "name", "registrationNumber", "timeZone"))
                .body(
                        "errors.code",
                        contains("invalid_format", "invalid_format", "required", "too_long", "not_an_option"));
    }

    @Test
    void aJsonValueOfTheWrongTypeIsWrongType() {
        postClinic("""
                        {"name": 407, "timeZone": "Europe/London"}
                        """)
                .statusCode(400)
                .body("type", equalTo("urn:meridian:problem:malformed-request"))
                .body("errors.field", contains("name"))
                .body("errors.code", contains("wrong_type"));
        postClinic("""
                        {"name": ["Harbour"], "timeZone": "Europe/London"}
                        """)
                .statusCode(400)
                .body("errors.field", contains("name"))
                .body("errors.code", contains("wrong_type"));
    }

    @Test
    void crossFieldRulesReportEachRulesOwnCode() {
        CareSetup care = Fixtures.careSetup();
        String broken = Fixtures.sessionBody(care.practitionerId(), Fixtures.hoursAgo(1))
                .replace("\"needleCount\": 8", "\"needleCount\": 5")
                .replace("\"stimulation\": \"MANUAL\"", "\"stimulation\": \"ELECTRO\"")
                .replace("\"code\": \"GB30\", \"side\": \"LEFT\"", "\"code\": \"GB30\", \"side\": \"MIDLINE\"")
                .replace("\"code\": \"GV4\"", "\"code\": \"XX99\"");
        Fixtures.asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(broken)
                .when()
                .post(Fixtures.sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(400)
                .body("errors.field", contains("electroFrequencyHz", "needleCount", "points[1].code", "points[2].side"))
                .body("errors.code", contains("required", "inconsistent", "not_an_option", "not_an_option"));
    }

    @Test
    void anUnknownEnumConstantIsNotAnOption() {
        CareSetup care = Fixtures.careSetup();
        Fixtures.asStaffOf(care.clinicId())
                .contentType(ContentType.JSON)
                .body(Fixtures.sessionBody(care.practitionerId(), Fixtures.hoursAgo(1))
                        .replace("\"stimulation\": \"MANUAL\"", "\"stimulation\": \"LASER\""))
                .when()
                .post(Fixtures.sessionsPath(care.clinicId(), care.episodeId()))
                .then()
                .statusCode(400)
                .body("errors.field", contains("stimulation"))
                .body("errors.code", contains("not_an_option"));
    }

    @Test
    void textWithANulCharacterIsAnInvalidCharacter() {
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("name", "a\u0000b")
                .when()
                .get(CLINICS)
                .then()
                .statusCode(400)
                .body("errors.code", contains("invalid_character"));
    }

    @Test
    void aQueryParameterThatCannotBeReadIsNamedAsInvalidFormat() {
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("page", "abc")
                .queryParam("size", 17)
                .when()
                .get(CLINICS)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body("errors.field", contains("page"))
                .body("errors.code", contains("invalid_format"));
    }

    @Test
    void aQueryParameterOutOfBoundsIsOutOfRange() {
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("size", 101)
                .when()
                .get(CLINICS)
                .then()
                .statusCode(400)
                .body("errors.field", contains("size"))
                .body("errors.code", contains("out_of_range"));
    }

    @Test
    void theOpenApiDocumentDeclaresTheCodesAsAnEnum() {
        JsonPath spec = ServedOpenApi.document();
        assertThat(spec.getString("components.schemas.FieldError.properties.code.$ref"))
                .isEqualTo("#/components/schemas/ErrorCode");
        assertThat(spec.getList("components.schemas.FieldError.required", String.class))
                .contains("field", "code", "message");
        assertThat(spec.getList("components.schemas.ErrorCode.enum", String.class))
                .containsExactlyElementsOf(ErrorCode.wireValues());
    }

    private static ValidatableResponse postClinic(String body) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(CLINICS)
                .then();
    }
}
