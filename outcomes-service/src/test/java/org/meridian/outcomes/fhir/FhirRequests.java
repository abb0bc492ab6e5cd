package org.meridian.outcomes.fhir;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.meridian.platform.fhir.FhirDates;
import org.meridian.platform.test.fhir.FhirInstanceValidation;

/** Builds FHIR request bodies and sends them the way an EHR integration would. */
final class FhirRequests {

    static final String FHIR_JSON = "application/fhir+json";

    private FhirRequests() {}

    /** A completed response with integer answers (items with a null answer are left out). */
    static QuestionnaireResponse response(
            String questionnaire, UUID pseudonymId, Instant authored, Map<String, Integer> answers) {
        QuestionnaireResponse response = new QuestionnaireResponse()
                .setQuestionnaire(questionnaire)
                .setStatus(QuestionnaireResponseStatus.COMPLETED)
                .setAuthoredElement(FhirDates.dateTime(authored));
        if (pseudonymId != null) {
            response.setSubject(PatientReferences.of(pseudonymId));
        }
        answers.forEach((item, value) -> {
            if (value != null) {
                response.addItem().setLinkId(item).addAnswer().setValue(new IntegerType(value));
            }
        });
        return response;
    }

    static QuestionnaireResponse withIdentifier(QuestionnaireResponse response, String system, String value) {
        return response.setIdentifier(new Identifier().setSystem(system).setValue(value));
    }

    static ValidatableResponse post(String token, QuestionnaireResponse response) {
        return post(token, FhirInstanceValidation.json(response));
    }

    static ValidatableResponse post(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(FHIR_JSON)
                .accept(FHIR_JSON)
                .body(body)
                .when()
                .post("/fhir/r4/QuestionnaireResponse")
                .then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).accept(FHIR_JSON).when().get(path).then();
    }
}
