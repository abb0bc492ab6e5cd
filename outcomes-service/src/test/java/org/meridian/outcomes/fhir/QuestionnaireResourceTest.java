package org.meridian.outcomes.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meridian.platform.test.security.TestTokens;

@QuarkusTest
class QuestionnaireResourceTest {

    @Test
    void anyRoleListsAQuestionnaireForEveryInstrumentVersion() {
        FhirRequests.get(TestTokens.researcher(), "/fhir/r4/Questionnaire")
                .statusCode(200)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("total", equalTo(FhirSamples.instruments().size()))
                .body("entry.resource.resourceType", everyItem(equalTo("Questionnaire")))
                .body("entry.resource.url", hasItem("https://meridian.example/fhir/Questionnaire/odi"));
    }

    @Test
    void searchesByUrlVersionAndLoincCode() {
        String patient = TestTokens.pseudonymousPatient(UUID.randomUUID(), UUID.randomUUID());
        FhirRequests.get(
                        patient,
                        "/fhir/r4/Questionnaire?url=https://meridian.example/fhir/Questionnaire/odi&version=2.1a")
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo("odi-2.1a"));
        FhirRequests.get(patient, "/fhir/r4/Questionnaire?code=http://loinc.org|91148-7")
                .statusCode(200)
                .body("entry.resource.name", contains("PEG"));
        FhirRequests.get(patient, "/fhir/r4/Questionnaire?code=61758-9")
                .statusCode(200)
                .body("entry.resource.name", contains("PROMIS_PI_4A", "NIH_ISS"));
        FhirRequests.get(patient, "/fhir/r4/Questionnaire?version=9.9")
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void servesTheVasAsARequiredItemWithEveryMillimetreAndNoLoincCode() {
        FhirRequests.get(TestTokens.admin(), "/fhir/r4/Questionnaire/vas-pain-1.0")
                .statusCode(200)
                .body("name", equalTo("VAS_PAIN"))
                .body("version", equalTo("1.0"))
                .body("item", hasSize(1))
                .body("item[0].linkId", equalTo("pain_vas_0_100"))
                .body("item[0].required", equalTo(true))
                .body("item[0].answerOption", hasSize(101))
                .body("item[0].code", nullValue())
                .body("description", containsString("0..100"));
    }

    @Test
    void readsOneQuestionnaireById() {
        FhirRequests.get(TestTokens.admin(), "/fhir/r4/Questionnaire/odi-2.1a")
                .statusCode(200)
                .body("resourceType", equalTo("Questionnaire"))
                .body("version", equalTo("2.1a"))
                .body("status", equalTo("active"))
                .body("item.linkId[0]", equalTo("odi_01_pain_intensity"))
                .body("copyright", containsString("Mapi Research Trust"));
    }

    @Test
    void answersAnUnknownQuestionnaireWithAnOperationOutcome404() {
        FhirRequests.get(TestTokens.admin(), "/fhir/r4/Questionnaire/odi-9")
                .statusCode(404)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void rejectsAnUnsupportedSearchParameterRatherThanIgnoringIt() {
        FhirRequests.get(TestTokens.admin(), "/fhir/r4/Questionnaire?title=Oswestry")
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("title"));
    }

    @Test
    void withoutATokenAnswers401AsOperationOutcomeWithABearerChallenge() {
        given().accept(FhirRequests.FHIR_JSON)
                .when()
                .get("/fhir/r4/Questionnaire")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("login"));
    }

    @Test
    void anInvalidTokenAnswers401AsOperationOutcome() {
        given().auth()
                .oauth2("not-a-jwt")
                .accept(FhirRequests.FHIR_JSON)
                .when()
                .get("/fhir/r4/Questionnaire/odi-2.1a")
                .then()
                .statusCode(401)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("issue[0].code", equalTo("login"));
    }

    @Test
    void failuresBeforeAFhirMethodIsChosenAreOperationOutcomesToo() {
        String token = TestTokens.admin();
        given().auth()
                .oauth2(token)
                .when()
                .put("/fhir/r4/Questionnaire/odi-2.1a")
                .then()
                .statusCode(405)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("issue[0].code", equalTo("not-supported"));
        given().auth()
                .oauth2(token)
                .accept("application/xml")
                .when()
                .get("/fhir/r4/Questionnaire")
                .then()
                .statusCode(406)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"));
        given().auth()
                .oauth2(token)
                .contentType("text/plain")
                .body("x")
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then()
                .statusCode(415)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"));
        given().auth()
                .oauth2(token)
                .when()
                .get("/fhir/r4/Patient/1")
                .then()
                .statusCode(404)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void servesTheCapabilityStatementWithoutAToken() {
        given().when()
                .get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .contentType(containsString(FhirRequests.FHIR_JSON))
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource.type", contains("Questionnaire", "QuestionnaireResponse", "Observation"));
    }
}
