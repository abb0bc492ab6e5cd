package org.meridian.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class ClinicResourceTest {

    private static final String CLINICS = "/api/v1/intake/clinics";

    @Inject
    EntityManager entityManager;

    @Test
    void registersAClinicAndReadsItBack() {
        String location = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Harbour Acupuncture Clinic", "registrationNumber": "CL-2024-0193",
                         "contactEmail": "desk@harbour.example", "timeZone": "Europe/London"}
                        """)
                .when()
                .post(CLINICS)
                .then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("name", equalTo("Harbour Acupuncture Clinic"))
                .body("active", equalTo(true))
                .body(
                        "createdAt",
                        matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})"))
                .extract()
                .header("Location");

        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .body("name", equalTo("Harbour Acupuncture Clinic"))
                .body("registrationNumber", equalTo("CL-2024-0193"))
                .body("timeZone", equalTo("Europe/London"));
    }

    @Test
    void rejectsInvalidFieldsWithProblemJsonNamingEachFieldAndStoresNothing() {
        long before = clinicCount();

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "  ", "contactEmail": "not-an-email", "timeZone": "Mars/Olympus"}
                        """)
                .when()
                .post(CLINICS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("contactEmail"))
                .body("errors.field", hasItem("timeZone"))
                .body("detail", containsString("name"));

        assertThat(clinicCount()).isEqualTo(before);
    }

    /**
     * The phone pattern admits a '+' and 32 more characters, one more than the column holds: the document now declares
     * (and the service enforces) the column's 32, so such a number is a 400 naming it, not a failed insert.
     */
    @Test
    void refusesAPhoneNumberLongerThanItsColumnWith400NamingIt() {
        long before = clinicCount();
        String phone = "+" + "1".repeat(32);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Long Phone Clinic\", \"timeZone\": \"UTC\", \"contactPhone\": \"" + phone + "\"}")
                .when()
                .post(CLINICS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:validation-error"))
                .body("errors.field", hasItem("contactPhone"));
        assertThat(clinicCount()).isEqualTo(before);
    }

    @Test
    void rejectsMalformedJsonAsProblem() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .when()
                .post(CLINICS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:meridian:problem:malformed-request"));
    }

    @Test
    void namesTheFieldWhoseTypeIsWrong() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": [\"a\"], \"timeZone\": \"UTC\"}")
                .when()
                .post(CLINICS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void refusesANumberOrABooleanWhereTheContractSaysStringAndStoresNothing() {
        long before = clinicCount();
        for (String name : new String[] {"407", "true", "1.5"}) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"name\": " + name + ", \"timeZone\": \"UTC\"}")
                    .when()
                    .post(CLINICS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("name"));
        }
        assertThat(clinicCount()).isEqualTo(before);
    }

    @Test
    void refusesATextHoldingTheNulCharacterWith400Not500() {
        long before = clinicCount();
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Harbour\\u0000Clinic\", \"timeZone\": \"UTC\"}")
                .when()
                .post(CLINICS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        assertThat(clinicCount()).isEqualTo(before);
    }

    @Test
    void rejectsAMissingBody() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .when()
                .post(CLINICS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void answersUnknownClinicWith404Problem() {
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(CLINICS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Resource not found"));
    }

    @Test
    void answersMalformedIdWith404ProblemNot500() {
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(CLINICS + "/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void pagesClinicsInAStableOrder() {
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body("{\"name\": \"Paging clinic " + i + "\", \"timeZone\": \"UTC\"}")
                    .when()
                    .post(CLINICS)
                    .then()
                    .statusCode(201);
        }
        long total = clinicCount();
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("page", 0)
                .queryParam("size", 2)
                .when()
                .get(CLINICS)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("size", equalTo(2))
                .body("totalItems", equalTo((int) total));
    }

    @Test
    void rejectsAPageSizeAboveTheMaximum() {
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("size", 1000)
                .when()
                .get(CLINICS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void echoesTheCallersRequestId() {
        given().auth()
                .oauth2(TestTokens.admin())
                .header("X-Request-Id", "test-req-42")
                .when()
                .get(CLINICS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("X-Request-Id", "test-req-42")
                .body("requestId", equalTo("test-req-42"));
    }

    private long clinicCount() {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from intake.clinic")
                        .getSingleResult())
                .longValue();
    }

    @Test
    void answersAWriteWithTheTimestampsALaterReadReturns() {
        var created = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Timestamp clinic\", \"timeZone\": \"UTC\"}")
                .when()
                .post(CLINICS)
                .then()
                .statusCode(201)
                .extract();
        String createdAt = created.path("createdAt");
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .body("createdAt", equalTo(createdAt))
                .body("updatedAt", equalTo(created.path("updatedAt")));
    }
}
