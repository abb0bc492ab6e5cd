package org.meridian.outcomes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.meridian.platform.test.openapi.OpenApiSchemas.acceptsNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.openapi.ServedOpenApi;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class InstrumentResourceTest {

    private static final String INSTRUMENTS = "/api/v1/outcomes/instruments";
    private static final RestAssuredConfig BIG_DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Test
    void listsEveryRegisteredInstrumentVersionToAnyAuthenticatedRole() {
        for (String token : new String[] {
            TestTokens.pseudonymousPatient(UUID.randomUUID(), UUID.randomUUID()),
            TestTokens.practitioner(UUID.randomUUID()),
            TestTokens.researcher(),
            TestTokens.admin()
        }) {
            given().auth()
                    .oauth2(token)
                    .when()
                    .get(INSTRUMENTS)
                    .then()
                    .statusCode(200)
                    .body("totalItems", equalTo(10))
                    .body(
                            "items.code",
                            hasItems(
                                    "NRS_BACK_PAIN",
                                    "NRS_LEG_PAIN",
                                    "ODI",
                                    "RMDQ",
                                    "PEG",
                                    "STARTBACK",
                                    "PROMIS_PI_4A",
                                    "PGIC",
                                    "NIH_ISS",
                                    "VAS_PAIN"));
        }
    }

    /**
     * Found by the contract tests: a page that is no int32 was answered 404, as if the registry did not exist, and a
     * page whose offset overflows an int failed with a 500.
     */
    @Test
    void answersAMalformedPageNumberWith400() {
        for (String page : List.of("abc", "99999999999", "2147483647")) {
            given().auth()
                    .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                    .queryParam("page", page)
                    .when()
                    .get(INSTRUMENTS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:meridian:problem:validation-error"));
        }
    }

    @Test
    void refusesTheRegistryWithoutAToken() {
        given().when().get(INSTRUMENTS).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void servesOneVersionWithItemsOptionsPolicyAndMcid() {
        given().auth()
                .oauth2(TestTokens.pseudonymousPatient(UUID.randomUUID(), UUID.randomUUID()))
                .when()
                .get(INSTRUMENTS + "/ODI/versions/2.1a")
                .then()
                .statusCode(200)
                .body("code", equalTo("ODI"))
                .body("version", equalTo("2.1a"))
                .body("current", equalTo(true))
                .body("direction", equalTo("HIGHER_IS_WORSE"))
                .body("licenceNotice", containsString("Mapi Research Trust"))
                .body("items", hasSize(10))
                .body("items[3].code", equalTo("odi_04_walking"))
                .body("items[3].options.value", contains(0, 1, 2, 3, 4, 5))
                .body("scoringPolicy.id", equalTo("odi-percent-of-answered-max-missing-1"))
                .body("scoringPolicy.maxMissingItems", equalTo(1))
                .body("change.changeMeasure", equalTo(true))
                .body("change.absoluteMcid", equalTo(10))
                .body("change.relativeMcidPercent", equalTo(30));
    }

    @Test
    void servesLoincCodesAndRecallPeriods() {
        given().auth()
                .oauth2(TestTokens.practitioner(UUID.randomUUID()))
                .when()
                .get(INSTRUMENTS + "/NRS_BACK_PAIN")
                .then()
                .statusCode(200)
                .body("recallPeriods", contains("PAST_WEEK", "RIGHT_NOW"))
                .body("loinc.code", hasItems("72514-3", "75893-8"))
                .body("items[0].code", equalTo("back_pain_nrs"))
                .body("items[0].options", hasSize(11));
    }

    @Test
    void marksNonChangeMeasuresAndMeasuresWithoutAbsoluteMcid() {
        given().auth()
                .oauth2(TestTokens.researcher())
                .when()
                .get(INSTRUMENTS + "/PGIC")
                .then()
                .statusCode(200)
                .body("change.changeMeasure", equalTo(false))
                .body("change.note", containsString("codes 1-2"));
        given().auth()
                .oauth2(TestTokens.researcher())
                .when()
                .get(INSTRUMENTS + "/PEG")
                .then()
                .statusCode(200)
                .body("change.absoluteMcid", nullValue())
                .body("change.relativeMcidPercent", equalTo(30));
        given().auth()
                .oauth2(TestTokens.researcher())
                .when()
                .get(INSTRUMENTS + "/PROMIS_PI_4A")
                .then()
                .statusCode(200)
                .body("change.absoluteMcid", equalTo(3))
                .body("change.relativeMcidPercent", nullValue());
    }

    /** PROMIS PI 4a's published raw-to-T table (HealthMeasures), the one the scores are looked up in. */
    private static final int[] PROMIS_RAW = {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

    private static final String[] PROMIS_T = {
        "41.6", "49.6", "52.0", "53.9", "55.6", "57.1", "58.5", "59.9", "61.2", "62.5", "63.8", "65.2", "66.6", "68.0",
        "69.7", "71.6", "75.6"
    };
    private static final String[] PROMIS_SE = {
        "6.1", "2.5", "2.0", "1.9", "1.9", "1.9", "1.8", "1.8", "1.8", "1.8", "1.8", "1.8", "1.8", "1.8", "1.9", "2.1",
        "3.7"
    };

    @Test
    void servesThePromisConversionTableRowByRow() {
        for (String path : List.of(INSTRUMENTS + "/PROMIS_PI_4A", INSTRUMENTS + "/PROMIS_PI_4A/versions/1.0")) {
            JsonPath instrument = given().auth()
                    .oauth2(TestTokens.pseudonymousPatient(UUID.randomUUID(), UUID.randomUUID()))
                    .config(BIG_DECIMALS)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("scoreTable", hasSize(17))
                    .extract()
                    .jsonPath();
            for (int row = 0; row < 17; row++) {
                String at = "scoreTable[" + row + "].";
                assertThat(instrument.getInt(at + "raw"))
                        .as(path + " " + at + "raw")
                        .isEqualTo(PROMIS_RAW[row]);
                assertThat(decimal(instrument.get(at + "tScore")))
                        .as(path + " " + at + "tScore")
                        .isEqualByComparingTo(PROMIS_T[row]);
                assertThat(decimal(instrument.get(at + "standardError")))
                        .as(path + " " + at + "standardError")
                        .isEqualByComparingTo(PROMIS_SE[row]);
            }
        }
    }

    /** 52.0 arrives as the integer 52: the API writes scores without trailing zeros (docs/conventions.md#json). */
    private static BigDecimal decimal(Object number) {
        assertThat(number).isInstanceOf(Number.class);
        return new BigDecimal(number.toString());
    }

    @Test
    void listsTheConversionTableOnlyForInstrumentsScoredWithOne() {
        JsonPath list = given().auth()
                .oauth2(TestTokens.researcher())
                .when()
                .get(INSTRUMENTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(list.getList("items.findAll { it.scoreTable != null }.code")).containsExactly("PROMIS_PI_4A");
        assertThat(list.getList("items.find { it.code == 'PROMIS_PI_4A' }.scoreTable"))
                .hasSize(17);
        assertThat(list.getMap("items.find { it.code == 'ODI' }")).containsEntry("scoreTable", null);
    }

    @Test
    void typesTheConversionTableInTheOpenApiDocument() {
        JsonPath spec = ServedOpenApi.document();
        assertThat(acceptsNull(spec, "components.schemas.Instrument.properties.scoreTable"))
                .isTrue();
        assertThat(spec.getString("components.schemas.Instrument.properties.scoreTable.items.$ref"))
                .isEqualTo("#/components/schemas/ScoreTableRow");
        assertThat(spec.getMap("components.schemas.ScoreTableRow.properties"))
                .containsOnlyKeys("raw", "tScore", "standardError");
        assertThat(spec.getString("components.schemas.ScoreTableRow.properties.tScore.type"))
                .isEqualTo("number");
    }

    @Test
    void answersUnknownInstrumentOrVersionWith404Problem() {
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(INSTRUMENTS + "/NOPE")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:not-found"));
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(INSTRUMENTS + "/ODI/versions/9.9")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
