package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.meridian.intake.Fixtures.API;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class AcupointResourceTest {

    @Test
    void servesTheWholeCatalogue() {
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(API + "/acupoints")
                .then()
                .statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=86400"))
                .body("totalItems", equalTo(409))
                .body("items", hasSize(409))
                .body("items.code", hasItem("EX-B2"));
    }

    @Test
    void filtersByMeridian() {
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("meridian", "gv")
                .when()
                .get(API + "/acupoints")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(28))
                .body("items.midline", everyItem(equalTo(true)));
    }

    @Test
    void readsOnePointAndAnswers404ForAnUnknownCode() {
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(API + "/acupoints/bl23")
                .then()
                .statusCode(200)
                .body("code", equalTo("BL23"))
                .body("meridian", equalTo("BL"))
                .body("name", equalTo("Shenshu"));
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(API + "/acupoints/ZZ1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
